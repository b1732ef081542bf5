import { Card } from 'antd';
import type { ReportBody } from '@ansinh/domain';
import { useT } from '../../kernel/i18n';

/** A text with its placeholders marked: "{registry.poor_households}" shows where a figure goes. */
function Marked({ text }: { text: string }) {
  const parts = text.split(/(\{[^{}]+\})/g);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('{') && p.endsWith('}') ? (
          <code key={i} className="fig">
            {p}
          </code>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </>
  );
}

/** The template laid out as a report, placeholders not yet replaced (the report's preview fills them). */
export function TemplatePreview({ body }: { body: ReportBody }) {
  const t = useT();
  return (
    <Card className="report-paper" data-testid="tpl-preview-paper" size="small" title={t('reports.tpl.preview')}>
      <div className="doc-title">{body.docTitle}</div>
      <div style={{ textAlign: 'center', fontWeight: 'bold' }}>
        <Marked text={body.summary} />
      </div>
      {body.addressee && (
        <div style={{ textAlign: 'center', margin: '8px 0 12px' }} data-testid="tpl-preview-addressee">
          <Marked text={body.addressee} />
        </div>
      )}
      {body.sections.map((s) => (
        <section key={s.id}>
          <div className="section-title">
            {s.number} <Marked text={s.title} />
          </div>
          {s.blocks.map((b) =>
            b.type === 'text' ? (
              <p key={b.id} className="body">
                <Marked text={b.text} />
              </p>
            ) : b.type === 'when_zero' ? (
              <p key={b.id} className="body">
                [{b.figure} = 0] <Marked text={b.zero} /> / <Marked text={b.otherwise} />
              </p>
            ) : (
              <table key={b.id} className="figures">
                <caption>
                  <Marked text={b.caption} />
                </caption>
                <tbody>
                  {b.rows.map((r, i) => (
                    <tr key={i}>
                      <td>{i + 1}</td>
                      <td>{r.label}</td>
                      <td>
                        <code>{r.figure}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          )}
        </section>
      ))}
      <div className="closing">
        <div className="recipients">
          <div style={{ fontWeight: 'bold', fontStyle: 'italic' }}>Nơi nhận:</div>
          {body.recipients.map((x) => (
            <div key={x}>- {x};</div>
          ))}
        </div>
        <div className="signer">
          {body.signer ? (
            <>
              {body.signer.authority && <div>{body.signer.authority}</div>}
              <div>{body.signer.title}</div>
              <div style={{ height: 48 }} />
              <div>{body.signer.name}</div>
            </>
          ) : (
            <div>{t('reports.tpl.agencySigner')}</div>
          )}
        </div>
      </div>
    </Card>
  );
}
