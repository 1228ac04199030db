package org.amtsweg.identity.staff;

/** Statements on the groups of staff accounts that more than one part of the gateway runs. */
public final class StaffGroupsSql {

    /** Makes sure every (authority, role) an account holds has its group, e.g. after seeding. */
    public static final String ENSURE_FOR_ACCOUNTS = """
            INSERT INTO staff_group (authority, role)
            SELECT DISTINCT authority, trim(role) FROM staff_account, unnest(string_to_array(roles, ',')) AS role WHERE trim(role) <> ''
            ON CONFLICT DO NOTHING""";

    private StaffGroupsSql() {}
}
