import { useState } from 'react';
import { admin } from '../../api/endpoints.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { Pager } from '../../components/Pager.tsx';
import { actionLabel, targetLabel } from './auditLabels.ts';

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** 작업 기록: every admin action, newest first; read-only. */
export default function AuditLog() {
  const { t, dateTime, lang } = useI18n();
  useTitle(t('admin.audit'));
  const [page, setPage] = useState(1);
  const list = useAsync(() => admin.auditLog(page), [page]);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.size)) : 1;
  return (
    <div className="stack">
      <h1>{t('admin.audit')}</h1>
      <p className="muted">{t('audit.readOnly')}</p>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data?.items.length === 0 && <Empty>{t('audit.none')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <table className="admin-table stacked">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((e) => (
              <tr key={e.id}>
                <td>{dateTime(e.at)}</td>
                {/* An erased account has no address left; its id means nothing to a reader. */}
                <td>{e.actor.email ?? '—'}</td>
                <td>{actionLabel(e.action, lang)}</td>
                <td>{targetLabel(e, lang)}</td>
                <td>
                  <details>
                    <summary>{t('audit.changes')}</summary>
                    <p>{t('audit.before')}</p>
                    <pre className="audit-json">{json(e.before)}</pre>
                    <p>{t('audit.after')}</p>
                    <pre className="audit-json">{json(e.after)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} onPage={setPage} always />
    </div>
  );
}
