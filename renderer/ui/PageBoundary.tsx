import { Component, lazy, type ComponentType, type ReactNode } from 'react';
import { isLoadFailure, reloadForKeptFailure } from './codeLoad';

/** Said when a page's code did not come (the minutes route says the same: App.tsx). */
const PAGE_NOT_OPENED = 'This page could not be opened: the app’s local server is not answering. Check that the app is still running, then try again.';
/** Said when a page failed in some other way while it was being shown. */
const PAGE_FAILED = 'This page could not be shown: something went wrong in the app. Try again, or go to another page.';

/** The note a page that could not be opened leaves in its place, with a way to try again. */
export function PageNotOpened({ words = PAGE_NOT_OPENED, onRetry }: { words?: string; onRetry: () => void }) {
  return (
    <div className="error-note" role="alert">
      <span>{words}</span>
      <button type="button" className="link" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

interface Props {
  /** The route shown: a new one clears a failure (going to another page recovers), without remounting the page. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Around the routed page, inside the app's frame: a page that fails (above all a page whose code could not be fetched
 * because the local server stopped) is said in plain words where it would be, and the header and the navigation stay.
 * Without it a failed import unmounted the whole app and left a blank window.
 */
export class PageBoundary extends Component<Props, { error: unknown; key: string }> {
  override state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('failed') };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; key: string }) {
    if (props.resetKey === state.key) return null;
    // Before the new page renders (idempotent: a second call finds nothing to renew).
    retryFailedPages();
    return { error: null, key: props.resetKey };
  }

  private readonly retry = () => {
    retryFailedPages();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <PageNotOpened words={isLoadFailure(error) ? PAGE_NOT_OPENED : PAGE_FAILED} onRetry={this.retry} />;
  }
}

/** How each page whose code failed to load gets a fresh lazy component (taken by retryFailedPages). */
const failedPages = new Set<() => void>();

/**
 * Gives every page whose code failed to load a fresh lazy component, so that its next render imports again. Called
 * when the officer asks (PageBoundary's "Try again", another page): not on the failure itself, where React's own
 * re-render would import again at once, and again, for as long as the server is away.
 */
function retryFailedPages(): void {
  for (const renew of failedPages) renew();
  failedPages.clear();
}

/**
 * React.lazy, but a failed load is not kept for good: React.lazy keeps the rejected import and would fail again on
 * every render, so the page could not be opened until the app was reloaded. Here the failed one is replaced when the
 * officer tries again (retryFailedPages); a retry the browser's kept failure refuses reloads the page (codeLoad.ts).
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let failedBefore = false;
  const renew = () => {
    current = make();
  };
  const make = () =>
    lazy(() =>
      load().then(
        (page) => ({ default: page }),
        (err: unknown) => {
          failedPages.add(renew);
          if (failedBefore) return reloadForKeptFailure(err);
          failedBefore = true;
          throw err;
        },
      ),
    );
  let current = make();
  function RetryablePage(props: P) {
    const Page = current;
    return <Page {...props} />;
  }
  return RetryablePage;
}
