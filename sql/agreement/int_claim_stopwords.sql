-- model: int_claim_stopwords
-- description: Words ignored when comparing sentences as claims (function words, reporting verbs, calendar and generic news words); the same list as tasks/rules/story_stopwords.txt (a unit test keeps them equal).
-- depends_on:
-- column word: lower-case stopword
with words as (
    select unnest([
        'a', 'about', 'above', 'according', 'across', 'added', 'adds', 'advertisement', 'after', 'again',
        'against', 'ago', 'all', 'almost', 'along', 'already', 'also', 'although', 'always', 'am', 'among',
        'an', 'and', 'another', 'any', 'apr', 'april', 'are', 'around', 'article', 'as', 'asked', 'at',
        'aug', 'august', 'back', 'be', 'became', 'because', 'become', 'been', 'before', 'being', 'below',
        'between', 'both', 'but', 'by', 'can', 'click', 'could', 'day', 'days', 'dec', 'december', 'did',
        'do', 'does', 'doing', 'done', 'down', 'during', 'each', 'either', 'else', 'even', 'ever', 'every',
        'feb', 'february', 'few', 'first', 'for', 'former', 'friday', 'from', 'further', 'get', 'gets',
        'got', 'had', 'has', 'have', 'having', 'he', 'her', 'here', 'hers', 'herself', 'him', 'himself',
        'his', 'how', 'however', 'i', 'if', 'image', 'in', 'including', 'into', 'is', 'it', 'its', 'itself',
        'jan', 'january', 'jul', 'july', 'jun', 'june', 'just', 'last', 'late', 'later', 'least', 'less',
        'like', 'likely', 'made', 'make', 'many', 'mar', 'march', 'may', 'me', 'might', 'monday', 'more',
        'most', 'mr', 'mrs', 'ms', 'much', 'must', 'my', 'near', 'never', 'new', 'news', 'next', 'no',
        'nor', 'not', 'nov', 'november', 'now', 'oct', 'october', 'of', 'off', 'often', 'on', 'once', 'one',
        'only', 'or', 'other', 'others', 'our', 'ours', 'out', 'over', 'own', 'part', 'people', 'per',
        'perhaps', 'photo', 'put', 'rather', 'read', 'really', 'report', 'reported', 'reports', 'said',
        'same', 'saturday', 'say', 'saying', 'says', 'see', 'seen', 'sep', 'sept', 'september', 'share',
        'she', 'should', 'since', 'so', 'some', 'statement', 'still', 'story', 'subscribe', 'such',
        'sunday', 'take', 'tell', 'tells', 'than', 'that', 'the', 'their', 'theirs', 'them', 'then',
        'there', 'these', 'they', 'thing', 'things', 'this', 'those', 'though', 'three', 'through',
        'thursday', 'time', 'times', 'to', 'today', 'told', 'too', 'tuesday', 'two', 'under', 'until', 'up',
        'upon', 'us', 'very', 'video', 'was', 'way', 'we', 'wednesday', 'week', 'weeks', 'well', 'were',
        'what', 'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with',
        'within', 'without', 'would', 'year', 'years', 'yesterday', 'yet', 'you', 'your', 'yours'
    ]) as word
)
select distinct word from words
