-- test: fact_agreement counts are consistent: 1 <= n_outlets <= n_outlets_reporting <= n_articles, n_sources >= 1, the consensus value is one of the reported values
select story_id, fact_group_id, n_outlets, n_outlets_reporting, n_articles, n_sources, consensus_value
from fact_agreement
where n_outlets < 1 or n_outlets > n_outlets_reporting or n_outlets_reporting > n_articles or n_sources < 1
   or consensus_value is null or not list_contains("values", consensus_value)
   or len(outlets) <> n_outlets
