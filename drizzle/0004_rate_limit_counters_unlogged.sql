-- Rate-limit counters are rewritten on every proxy call: unlogged, a call's counter update commits without waiting
-- for the write-ahead log to reach disk. A crash forgets the counts of the current minute, which costs nothing.
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
