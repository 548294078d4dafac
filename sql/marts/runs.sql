-- model: runs
-- description: One row per pipeline run (latest record of each run_id), with file and article counts.
-- depends_on: stg_runs
-- column run_id: unique run id (UTC timestamp + random suffix)
-- column started_at: start time (UTC)
-- column finished_at: end time (UTC)
-- column status: success or failed
-- column files_seen: raw files discovered in this run
-- column files_new: files not seen by an earlier run (or all with --full-refresh)
-- column articles_new: articles added by this run
-- column articles_skipped: files skipped because an earlier run already processed them
-- column files_rejected: inputs rejected in this run
-- column duration_s: wall time in seconds
-- column pipeline_version: version of the pipeline code
-- column message: error message of a failed run
with runs as (
    select *
    from stg_runs
    qualify row_number() over (partition by run_id order by finished_at desc nulls last) = 1
)
select run_id, started_at, finished_at, status, files_seen, files_new, articles_new, articles_skipped,
       files_rejected, duration_s, pipeline_version, message
from runs
