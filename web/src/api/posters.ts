import { call } from './client.ts';

/** The performance editor's poster field (multipart uploads; see docs/uploads.md). */
export const posters = {
  upload: (performanceId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return call('PUT', '/admin/performances/{id}/poster', { path: { id: performanceId }, form });
  },
  reset: (performanceId: string) =>
    call('DELETE', '/admin/performances/{id}/poster', { path: { id: performanceId } }),
};
