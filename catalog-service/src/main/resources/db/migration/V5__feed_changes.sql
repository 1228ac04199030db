-- The Portalverbund's change feed: which feed document (a service or an authority) changed, in the order the changes
-- were committed. Written in the transaction of each administrative change; a position is handed out under a
-- transaction-scoped advisory lock, so a later position is never committed before an earlier one, and a consumer that
-- read up to a position has missed nothing below it (a plain sequence gives no such promise: its values commit out of order).
CREATE TABLE feed_change (
    position   BIGINT PRIMARY KEY CHECK (position > 0),
    entity     TEXT        NOT NULL CHECK (entity IN ('service', 'authority')),
    entity_id  TEXT        NOT NULL,
    change     TEXT        NOT NULL CHECK (change IN ('updated', 'deleted')),
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
