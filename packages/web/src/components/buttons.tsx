import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button } from 'antd';
import type { ButtonProps } from 'antd';

/**
 * A button that is a real link (open in a new tab works, and it reads as a link to assistive
 * technology) but navigates inside the app on a plain click.
 */
export function LinkButton({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & Omit<ButtonProps, 'href' | 'onClick'>) {
  const navigate = useNavigate();
  return (
    <Button
      {...rest}
      href={to}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        void navigate(to);
      }}
    >
      {children}
    </Button>
  );
}

/** A small action in the head of a card; left out of print. */
export function CardButton({
  testId,
  primary,
  onClick,
  children,
}: {
  testId: string;
  primary?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      size="small"
      type={primary ? 'primary' : undefined}
      className="no-print"
      data-testid={testId}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
