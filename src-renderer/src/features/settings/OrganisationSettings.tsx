import { useState, type FormEvent } from 'react';
import type { Area, Landlord } from '../../../../src-shared/domain/organisation';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { formatCount } from '../../components/format';
import { isChanged, useUnsavedChanges } from '../../components/UnsavedChanges';
import { HistoryPanel } from '../../components/HistoryPanel';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { DispersedSettings } from '../community/DispersedSettings';
import { PopulationProfilePanel } from './PopulationProfile';

function toNumber(s: string): number | null {
  return s.trim() === '' ? null : Number(s);
}

export function OrganisationSettings() {
  const org = useApiQuery('organisation.get', {});
  const canEdit = useCan('organisation.write');
  const [editing, setEditing] = useState<Landlord | 'new' | null>(null);
  if (org.isPending) return <Loading />;
  if (org.error && !org.data) return <Notice tone="error">{org.error.message}</Notice>;
  const { landlords, areas } = org.data;
  const landlordName = new Map(landlords.map((l) => [l.id, l.name]));

  return (
    <>
      <PageHeader
        title="Organisation"
        subtitle={org.data.name}
        actions={
          canEdit ? (
            <button type="button" className="button" onClick={() => setEditing('new')}>
              Add landlord
            </button>
          ) : null
        }
      />
      {!canEdit ? (
        <Notice>Only an administrator can change the organisation’s set-up.</Notice>
      ) : null}
      {editing ? (
        <LandlordForm
          landlord={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <section className="panel" aria-labelledby="landlords-heading">
        <h2 id="landlords-heading">Landlords</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Partner landlord</th>
              <th scope="col" className="num">
                Homes
              </th>
              {canEdit ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {landlords.map((l) => (
              <tr key={l.id}>
                <td>{l.name}</td>
                <td>{l.isPartner ? 'Yes' : 'No'}</td>
                <td className="num">{formatCount(l.homes)}</td>
                {canEdit ? (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setEditing(l)}
                    >
                      Edit <span className="visually-hidden">{l.name}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="areas-heading">
        <h2 id="areas-heading">Areas and tenant population</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Landlord</th>
              <th scope="col" className="num">
                Tenants
              </th>
              <th scope="col">Neighbourhoods</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.landlordId ? landlordName.get(a.landlordId) : '—'}</td>
                <td className="num">{formatCount(a.population)}</td>
                <td>
                  {org.data.neighbourhoods
                    .filter((n) => n.areaId === a.id)
                    .map((n) => n.name)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {canEdit ? <AreaForm landlords={landlords} /> : null}
        {canEdit && areas.length ? <NeighbourhoodForm areas={areas} /> : null}
      </section>
      <DispersedSettings organisation={org.data} />
      <PopulationProfilePanel />
    </>
  );
}

function LandlordForm({ landlord, onDone }: { landlord: Landlord | null; onDone(): void }) {
  const [name, setName] = useState(landlord?.name ?? '');
  const [shortName, setShortName] = useState(landlord?.shortName ?? '');
  const [isPartner, setIsPartner] = useState(landlord?.isPartner ?? true);
  const [homes, setHomes] = useState(landlord?.homes?.toString() ?? '');
  const guard = useUnsavedChanges(
    isChanged(
      [
        landlord?.name ?? '',
        landlord?.shortName ?? '',
        landlord?.isPartner ?? true,
        landlord?.homes?.toString() ?? '',
      ],
      [name, shortName, isPartner, homes],
    ),
    landlord ? landlord.name : 'the new landlord',
  );
  const save = useApiMutation('organisation.saveLandlord', { onSuccess: onDone });
  const errors = fieldErrors(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      ...(landlord ? { id: landlord.id } : {}),
      name,
      shortName,
      isPartner,
      homes: toNumber(homes),
    });
  }
  return (
    <section className="panel" aria-labelledby="landlord-form-heading">
      <h2 id="landlord-form-heading">{landlord ? `Edit ${landlord.name}` : 'New landlord'}</h2>
      {save.error ? <Notice tone="error">{save.error.message}</Notice> : null}
      <form {...guard.formProps} onSubmit={submit} noValidate className="form-grid">
        <TextField
          label="Name"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Short name"
          value={shortName}
          error={errors.shortName}
          onChange={(e) => setShortName(e.target.value)}
        />
        <TextField
          label="Homes"
          inputMode="numeric"
          value={homes}
          error={errors.homes}
          onChange={(e) => setHomes(e.target.value)}
        />
        <CheckboxField
          label="Partner landlord"
          hint="Every standing scrutiny group needs two tenants from each partner landlord."
          checked={isPartner}
          onChange={(e) => setIsPartner(e.target.checked)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            Save landlord
          </button>
          <button type="button" className="button button--secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
      {landlord ? <HistoryPanel entity="landlords" id={landlord.id} /> : null}
    </section>
  );
}

function AreaForm({ landlords }: { landlords: Landlord[] }) {
  const [name, setName] = useState('');
  const [landlordId, setLandlordId] = useState('');
  const [population, setPopulation] = useState('');
  const guard = useUnsavedChanges(name.trim() !== '' || population.trim() !== '', 'the new area');
  const save = useApiMutation('organisation.saveArea', {
    onSuccess: () => {
      setName('');
      setPopulation('');
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      {...guard.formProps}
      className="form-grid"
      noValidate
      aria-label="Add an area"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ name, landlordId: landlordId || null, population: toNumber(population) });
      }}
    >
      <TextField
        label="New area name"
        required
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <SelectField
        label="Landlord"
        placeholder="(several or none)"
        value={landlordId}
        options={landlords.map((l) => ({ value: l.id, label: l.name }))}
        onChange={(e) => setLandlordId(e.target.value)}
      />
      <TextField
        label="Tenants in the area"
        inputMode="numeric"
        value={population}
        error={errors.population}
        onChange={(e) => setPopulation(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          Add area
        </button>
      </div>
      {save.error && !Object.keys(errors).length ? (
        <Notice tone="error">{save.error.message}</Notice>
      ) : null}
    </form>
  );
}

function NeighbourhoodForm({ areas }: { areas: Area[] }) {
  const [name, setName] = useState('');
  const [areaId, setAreaId] = useState(areas[0]!.id);
  const guard = useUnsavedChanges(name.trim() !== '', 'the new neighbourhood');
  const save = useApiMutation('organisation.saveNeighbourhood', { onSuccess: () => setName('') });
  const errors = fieldErrors(save.error);
  return (
    <form
      {...guard.formProps}
      className="form-grid"
      noValidate
      aria-label="Add a neighbourhood"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ name, areaId });
      }}
    >
      <TextField
        label="New neighbourhood name"
        required
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <SelectField
        label="In area"
        value={areaId}
        error={errors.areaId}
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
        onChange={(e) => setAreaId(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          Add neighbourhood
        </button>
      </div>
    </form>
  );
}
