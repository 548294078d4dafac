-- test: an input (source_path + file hash) is never both an article and rejected
select a.source_path from articles as a
join rejected_files as r on r.source_path = a.source_path and coalesce(r.file_hash, '') = coalesce(a.file_hash, '')
