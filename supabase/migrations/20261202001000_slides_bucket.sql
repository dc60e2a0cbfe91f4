-- The private Storage bucket for carousel slides, and its storage.objects policies (Supabase only:
-- elsewhere there is no storage schema and slides are local files). Objects are named
-- <workspace id>/<post id>/<index>.<ext>; the pipeline writes them with the service role, which
-- bypasses these policies. Members may read their workspaces' slides; nobody else may touch them.
-- The app serves slides through signed URLs; these policies only matter for direct API access.
do $$
begin
  if not exists (select 1 from pg_namespace where nspname = 'storage') then
    return;
  end if;
  insert into storage.buckets (id, name, public) values ('slides', 'slides', false)
    on conflict (id) do update set public = false;
  drop policy if exists slides_select_member on storage.objects;
  create policy slides_select_member on storage.objects for select to authenticated
    using (
      bucket_id = 'slides'
      and (storage.foldername(name))[1] in (select workspace_id::text from private.member_workspace_ids() as workspace_id)
    );
end
$$;
