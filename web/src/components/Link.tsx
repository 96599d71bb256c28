import type { ComponentChildren } from 'preact';
import { followLink } from '../router';

interface Props {
  href: string;
  class?: string;
  testId?: string;
  children: ComponentChildren;
}

/** An in-app link: a real <a href> that the router follows without reloading. */
export function Link({ href, class: className, testId, children }: Props) {
  return (
    <a href={href} class={className} data-testid={testId} onClick={(event) => followLink(event, href)}>
      {children}
    </a>
  );
}
