import { useState, type FormEvent } from 'react';
import type { Organisation } from '../../../shared/domain/members';
import { api } from '../../api';
import { useConfirm } from '../../ui/Dialog';
import { ErrorNote, Field, useAction, useLoad } from '../../ui/kit';
import { ExampleDataPanel } from '../example/ExampleDataPanel';

export function MembersPage() {
  const list = useLoad(() => Promise.all([api.call('members.list', {}), api.call('example.status', {})]), []);
  // The example's organisations are shown apart (features/example): the roster here is the real one.
  const exampleIds = new Set(list.value?.[1].organisationIds ?? []);
  const all = list.value?.[0] ?? [];
  const orgs = all.filter((o) => !exampleIds.has(o.id));
  const members = orgs.filter((o) => o.isMember);
  const others = orgs.filter((o) => !o.isMember);
  return (
    <section className="page">
      <div className="page-head">
        <h1 tabIndex={-1}>Members</h1>
        {/* Counted only from a list that came: a list that failed to load is not "0 organisations". */}
        {list.value && (
          <p className="meta">
            <span>{members.length} Taskforce member organisations</span>
            <span>{orgs.reduce((n, o) => n + o.representatives.length, 0)} representatives</span>
          </p>
        )}
      </div>
      <ErrorNote error={list.error} />
      <OrganisationForm onSaved={() => void list.reload()} />
      <div role="region" aria-label="Roster">
        {[...members, ...others].map((o) => (
          <OrganisationCard key={o.id} org={o} onChanged={() => void list.reload()} />
        ))}
      </div>
      {list.value && (
        <ExampleDataPanel
          organisations={all.filter((o) => exampleIds.has(o.id))}
          meetings={list.value[1].meetingIds.length}
          onRemoved={() => void list.reload()}
        />
      )}
    </section>
  );
}

function OrganisationForm({ org, onSaved, onCancel }: { org?: Organisation; onSaved: () => void; onCancel?: () => void }) {
  const [name, setName] = useState(org?.name ?? '');
  const [shortName, setShortName] = useState(org?.shortName ?? '');
  const [isMember, setIsMember] = useState(org?.isMember ?? true);
  const act = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { name, shortName, isMember };
    const r = await act.run(() => (org ? api.call('organisations.update', { id: org.id, ...input }) : api.call('organisations.create', input)));
    if (r) {
      if (!org) {
        setName('');
        setShortName('');
        setIsMember(true);
      }
      onSaved();
    }
  };
  return (
    <form className="card inline-form" onSubmit={submit} aria-label={org ? `Edit ${org.name}` : 'Add an organisation'}>
      {!org && <h2>Add an organisation</h2>}
      <Field label="Organisation name">{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />}</Field>
      <Field label="Short name">{(id) => <input id={id} value={shortName} onChange={(e) => setShortName(e.target.value)} maxLength={40} className="narrow" />}</Field>
      <label className="check">
        <input type="checkbox" checked={isMember} onChange={(e) => setIsMember(e.target.checked)} /> Taskforce member
      </label>
      <button type="submit" className="primary" disabled={act.busy}>
        {org ? 'Save' : 'Add organisation'}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      <ErrorNote error={act.error} />
    </form>
  );
}

function OrganisationCard({ org, onChanged }: { org: Organisation; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const act = useAction();
  const [confirmDialog, ask] = useConfirm();
  const remove = async () => {
    if (
      !(await ask({
        title: 'Remove this organisation?',
        message: `${org.name} and its ${org.representatives.length} representative(s) go to the trash; they can be restored for 30 days.`,
        confirm: 'Move to trash',
        danger: true,
      }))
    )
      return;
    if (await act.run(() => api.call('organisations.delete', { id: org.id }))) onChanged();
  };
  const removeRep = async (id: string, name: string) => {
    if (!(await ask({ title: 'Remove this representative?', message: `${name} will be removed from the roster.`, confirm: 'Remove', danger: true }))) return;
    if (await act.run(() => api.call('representatives.delete', { id }))) onChanged();
  };
  return (
    <article className="card org" aria-label={org.name}>
      {confirmDialog}
      <div className="org-head">
        <h2>
          {org.name}
          {org.shortName && org.shortName !== org.name ? <span className="muted"> ({org.shortName})</span> : null}
        </h2>
        <span className={org.isMember ? 'badge member' : 'badge'}>{org.isMember ? 'Member' : 'Not a member'}</span>
        <span className="row-actions">
          <button type="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label={`Edit ${org.name}`}>
            Edit
          </button>
          <button type="button" className="danger" onClick={remove} aria-label={`Remove ${org.name}`}>
            Remove
          </button>
        </span>
      </div>
      {editing && (
        <OrganisationForm
          org={org}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <ErrorNote error={act.error} />
      {org.representatives.length > 0 && (
        <table className="list reps">
          <thead>
            <tr>
              <th scope="col">Representative</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {org.representatives.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{r.role}</td>
                <td className="cell-actions">
                  <button type="button" className="danger" onClick={() => removeRep(r.id, r.name)} aria-label={`Remove ${r.name}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RepresentativeForm orgId={org.id} orgName={org.name} onSaved={onChanged} />
    </article>
  );
}

function RepresentativeForm({ orgId, orgName, onSaved }: { orgId: string; orgName: string; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const act = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await act.run(() => api.call('representatives.create', { organisationId: orgId, name, email, role }))) {
      setName('');
      setEmail('');
      setRole('');
      setOpen(false);
      onSaved();
    }
  };
  if (!open)
    return (
      <button type="button" className="add-rep" onClick={() => setOpen(true)} aria-label={`Add a representative of ${orgName}`}>
        + Representative
      </button>
    );
  return (
    <form className="inline-form rep-form" onSubmit={submit} aria-label={`Add a representative of ${orgName}`}>
      <Field label="Name">{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />}</Field>
      <Field label="E-mail">{(id) => <input id={id} type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} />}</Field>
      <Field label="Role">{(id) => <input id={id} value={role} onChange={(e) => setRole(e.target.value)} maxLength={200} />}</Field>
      <button type="submit" className="primary" disabled={act.busy}>
        Add representative
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ErrorNote error={act.error} />
    </form>
  );
}
