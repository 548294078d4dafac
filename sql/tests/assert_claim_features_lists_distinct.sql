-- test: the word, content, bigram, number and name lists of claim_features hold no duplicates
-- (int_claim_scores and claim_conflicts count shared items with list_filter + list_contains, which is the size of
-- the intersection only for lists without duplicates)
select article_id, sentence_no
from claim_features
where len(words) != len(list_distinct(words))
   or len(content) != len(list_distinct(content))
   or len(bigrams) != len(list_distinct(bigrams))
   or len(numbers) != len(list_distinct(numbers))
   or len(names) != len(list_distinct(names))
