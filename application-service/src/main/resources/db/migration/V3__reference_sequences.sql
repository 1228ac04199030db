-- Reference numbers now come from one sequence per authority and year (created on first use);
-- the counter table, which made concurrent submissions to one authority wait, is gone.
DROP TABLE reference_counter;
