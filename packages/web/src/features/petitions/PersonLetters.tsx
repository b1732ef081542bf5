import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { List } from 'antd';
import { hasAbility, useAuth } from '../../kernel/auth';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import { petitionsApi, pk } from './api';
import { ClockTag, kindLabel } from './shared';

/**
 * A person's letters, for their registry timeline (never a denunciation: the server leaves those
 * out). Not yet placed on the registry's person page, which another change is reshaping.
 */
export function PersonLetters({ personId }: { personId: number }) {
  const t = useT();
  const { me } = useAuth();
  const filter = { personId, pageSize: 50 };
  const q = useQuery({
    queryKey: pk.letters(filter),
    queryFn: ({ signal }) => petitionsApi.letters(filter, signal),
    enabled: hasAbility(me, 'petitions.read'),
  });
  if (!q.data?.items.length) return null;
  return (
    <List
      header={t('petitions.tab.letters')}
      dataSource={q.data.items}
      renderItem={(l) => (
        <List.Item>
          <Link to={`/petitions/letters/${l.id}`}>{l.code}</Link> {formatDate(l.receivedDate)} {kindLabel(t, l.kind)} —{' '}
          <span translate="no">{l.summary}</span> <ClockTag clock={l.noticeClock} />
        </List.Item>
      )}
    />
  );
}
