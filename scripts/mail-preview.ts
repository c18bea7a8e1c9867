/**
 * Writes every mail template, in Korean and English, as HTML and text files with sample data, plus an
 * index.html linking them: `npm run mail:preview [-- out-dir]` (default tmp/mail-previews). Rendering
 * is the worker's own (src/modules/mail/templates.ts), offline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAIL_TEMPLATES, SAMPLE_DATA, renderMail } from '../src/modules/mail/templates.ts';

const out = path.resolve(process.argv[2] ?? 'tmp/mail-previews');
mkdirSync(out, { recursive: true });
const links: string[] = [];
for (const template of MAIL_TEMPLATES) {
  for (const lang of ['ko', 'en'] as const) {
    const mail = await renderMail(template, lang, SAMPLE_DATA[template] as never);
    const name = `${template}.${lang}`;
    writeFileSync(path.join(out, `${name}.html`), mail.html);
    writeFileSync(path.join(out, `${name}.txt`), `Subject: ${mail.subject}\n\n${mail.text}\n`);
    links.push(
      `<li>${name}: <a href="${name}.html">HTML</a> · <a href="${name}.txt">text</a> — ${mail.subject}</li>`,
    );
  }
}
writeFileSync(
  path.join(out, 'index.html'),
  `<!doctype html><meta charset="utf-8"><title>Mail previews</title><ul>${links.join('\n')}</ul>\n`,
);
console.log(`mail previews in ${out}/index.html`);
