-- «Åpent nå» over thousands of offers (issue 19's benchmark): the open set of a moment is read from a weekday's
-- hours and a date's exceptions. Without these indexes each search scanned every weekly interval twice (about
-- 26,000 rows at 5,000 offers); with them the set of a minute is an index-only range read of that weekday.
-- The included columns are the ones the search and the row-level-security policies read.
CREATE INDEX offer_hours_day_idx ON offer_hours (weekday, opens)
    INCLUDE (offer_id, closes, past_midnight, published, organisation_id);
-- the tails past midnight of the day before
CREATE INDEX offer_hours_past_midnight_idx ON offer_hours (weekday, closes)
    INCLUDE (offer_id, published, organisation_id) WHERE past_midnight;
CREATE INDEX offer_hours_exception_date_idx ON offer_hours_exception (on_date);
