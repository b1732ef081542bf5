import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';

/** The facts of a record in a card: one to three a line by screen width, its edit button on top. */
export function FactsCard({
  title,
  extra,
  items,
}: {
  title: ReactNode;
  extra: ReactNode;
  items: DescriptionsProps['items'];
}) {
  return (
    <Card title={title} extra={extra}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </Card>
  );
}

/** One entry of a history timeline: when, what, then any further lines. */
export function TimelineEntry({ date, title, children }: { date: string; title: ReactNode; children?: ReactNode }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="secondary">{date}</Typography.Text>
      <Typography.Text strong>{title}</Typography.Text>
      {children}
    </Space>
  );
}
