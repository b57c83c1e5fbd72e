// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../renderer/api';
import { ErrorNote } from '../../renderer/ui/kit';
import { PageBoundary } from '../../renderer/ui/PageBoundary';
import { reactRoot } from '../helpers/react-root';

describe('ErrorNote: only the sentences, never a field’s code name', () => {
  it('one issue: its sentence, said once', () => {
    const { host, render } = reactRoot();
    const sentence = 'The end must be after the start.';
    render(<ErrorNote error={new ApiError({ code: 'bad_request', message: sentence, issues: [{ path: 'endsAt', message: sentence }] })} />);
    expect(host.textContent).toBe(sentence);
    expect(host.querySelector('li')).toBeNull();
  });

  it('several issues: each sentence in a list, without their paths or the joined message again', () => {
    const { host, render } = reactRoot();
    const issues = [
      { path: 'title', message: 'The title is required.' },
      { path: 'location', message: 'The place is too long (at most 300 characters).' },
    ];
    render(<ErrorNote error={new ApiError({ code: 'bad_request', message: issues.map((i) => i.message).join(' '), issues })} />);
    expect([...host.querySelectorAll('li')].map((li) => li.textContent)).toEqual(issues.map((i) => i.message));
    expect(host.textContent).not.toMatch(/\btitle\b.*\btitle\b|location/);
    expect(host.querySelector('strong')).toBeNull();
  });

  it('a service’s issues that are not sentences: its message only', () => {
    const { host, render } = reactRoot();
    const error = new ApiError({
      code: 'conflict',
      message: 'An organisation named "Acme" already exists.',
      issues: [
        { path: 'name', message: 'already exists' },
        { path: 'shortName', message: 'already exists' },
      ],
    });
    render(<ErrorNote error={error} />);
    expect(host.textContent).toBe('An organisation named "Acme" already exists.');
  });
});

describe('PageBoundary', () => {
  it('a page that fails while shown: plain words and "Try again"; another page clears it', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { host, render } = reactRoot();
      let broken = true;
      function Page() {
        if (broken) throw new TypeError("Cannot read properties of undefined (reading 'x')");
        return <h1>Page</h1>;
      }
      render(
        <PageBoundary resetKey="a">
          <Page />
        </PageBoundary>,
      );
      expect(host.textContent).toBe('This page could not be shown: something went wrong in the app. Try again, or go to another page.Try again');
      broken = false;
      act(() => host.querySelector('button')!.click());
      expect(host.textContent).toBe('Page');
      broken = true;
      render(
        <PageBoundary resetKey="a">
          <Page key="again" />
        </PageBoundary>,
      );
      expect(host.textContent).toMatch(/^This page could not be shown/);
      broken = false;
      render(
        <PageBoundary resetKey="b">
          <Page key="again" />
        </PageBoundary>,
      );
      expect(host.textContent).toBe('Page');
    } finally {
      spy.mockRestore();
    }
  });

  it('a page whose code could not be fetched: the local server is not answering', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { host, render } = reactRoot();
      function Page(): never {
        throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:1/assets/TrashPage-x.js');
      }
      render(
        <PageBoundary resetKey="a">
          <Page />
        </PageBoundary>,
      );
      expect(host.querySelector('[role=alert] span')!.textContent).toBe(
        'This page could not be opened: the app’s local server is not answering. Check that the app is still running, then try again.',
      );
    } finally {
      spy.mockRestore();
    }
  });
});
