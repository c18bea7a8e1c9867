import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { admin } from '../../api/endpoints.ts';
import type { AdminUser, AdminUserChange } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { Empty, ErrorBox, Loading, Notice } from '../../components/States.tsx';

const ROLES: AdminUser['role'][] = ['USER', 'STAFF', 'ADMIN'];

/** 회원: search, change a role, suspend or lift (the server refuses an admin's own demotion). */
export default function AdminUsers() {
  const { t, dateTime } = useI18n();
  useTitle(t('admin.users'));
  const { user: me } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const list = useAsync(() => admin.users(q ? { q } : {}), [q]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const change = async (u: AdminUser, body: AdminUserChange): Promise<void> => {
    setError(null);
    setSaved(null);
    try {
      await admin.updateUser(u.id, body);
      setSaved(t('users.saved', { email: u.email }));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const search = (e: FormEvent): void => {
    e.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <div className="stack">
      <h1>{t('admin.users')}</h1>
      <form role="search" onSubmit={search} className="row card-form" aria-label={t('orders.search')}>
        <label>
          {t('users.searchLabel')}
          <input
            type="search"
            name="q"
            value={draft}
            maxLength={100}
            onChange={(e) => setDraft(e.target.value)}
          />
        </label>
        <button className="btn primary" type="submit">
          {t('orders.search')}
        </button>
      </form>
      {saved && <Notice kind="success">{saved}</Notice>}
      <ErrorBox error={error} inline />
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data?.items.length === 0 && <Empty>{t('users.none')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <table className="admin-table stacked">
          <thead>
            <tr>
              <th scope="col">{t('orders.account')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.state')}</th>
              <th scope="col">{t('orders.orderedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((u) => {
              const self = u.id === me?.id;
              return (
                <tr key={u.id}>
                  <td>
                    {u.nickname} · {u.email}
                    {u.phone ? ` · ${u.phone}` : ''}
                    {self ? ` (${t('users.you')})` : ''}
                  </td>
                  <td>
                    <select
                      aria-label={t('users.roleOf', { email: u.email })}
                      value={u.role}
                      disabled={self}
                      onChange={(e) => void change(u, { role: e.target.value as AdminUser['role'] })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`users.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {u.suspended ? t('users.suspended') : t('users.active')}{' '}
                    {!self && (
                      <button
                        type="button"
                        className="btn secondary small"
                        onClick={() => void change(u, { suspended: !u.suspended })}
                      >
                        {u.suspended ? t('users.unsuspend') : t('users.suspend')}
                      </button>
                    )}
                  </td>
                  <td>{dateTime(u.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
