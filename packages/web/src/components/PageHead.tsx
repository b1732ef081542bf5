import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** Page title with its actions on the right (below it on a phone), and the intro under both. */
export function PageHead({ title, intro, extra }: { title: ReactNode; intro?: ReactNode; extra?: ReactNode }) {
  return (
    <>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {extra ? <div className="page-actions no-print">{extra}</div> : null}
      </div>
      {intro ? <Typography.Text className="page-intro">{intro}</Typography.Text> : null}
    </>
  );
}
