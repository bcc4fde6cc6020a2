import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { isInternalDrag, readDragPayload } from '../../lib/dnd';

/**
 * A local place: cloud items dropped here download into its folder. A click opens the folder in
 * the system's file manager where the host can; elsewhere (a browser) it says where it is.
 */
function PlaceRow({ place }: { place: Place }) {
  const { t } = useTranslation();
  // Built-in places are named by kind in the UI language; the back end's name is only an English fallback.
  const name = place.kind === 'custom' ? place.name : t(`places.${place.kind}`);
  const { ui, actions, bridge, session } = useApp();
  async function show(): Promise<void> {
    if (session.getState().info?.capabilities.revealInFolder === true) {
      const shown = await bridge.app.revealInFolder({ path: place.path });
      if (shown.ok) return;
    }
    ui.getState().pushToast({
      kind: 'info',
      text: { key: 'toast.placePath', values: { name, path: place.path } },
    });
  }
  const [over, setOver] = useState(false);
  const onOver = (e: DragEvent): void => {
    if (!isInternalDrag([...e.dataTransfer.types])) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  return (
    <li
      className={`pd-place${over ? ' is-drop-target' : ''}`}
      data-testid="place"
      data-place-id={place.id}
      title={place.path}
      onDragEnter={onOver}
      onDragOver={onOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        setOver(false);
        const payload = readDragPayload(e.dataTransfer) ?? ui.getState().drag;
        if (!isInternalDrag([...e.dataTransfer.types]) || !payload) return;
        e.preventDefault();
        ui.getState().setDrag(null);
        void actions.download(payload.entries, place.path);
      }}
    >
      <button
        type="button"
        className="pd-link-button pd-place-name"
        data-testid="place-open"
        onClick={() => void show()}
      >
        {name}
      </button>
      {place.removable && (
        <button
          type="button"
          className="pd-icon-button"
          aria-label={t('sidebar.removePlace', { name })}
          onClick={() => void bridge.places.remove({ id: place.id })}
        >
          ×
        </button>
      )}
    </li>
  );
}

export function PlacesList() {
  const { t } = useTranslation();
  const { session, ui, bridge } = useApp();
  const places = useSlice(session, (s) => s.places);
  /** Desktop: the native folder picker; elsewhere: a typed path on the host. */
  async function addPlace(): Promise<void> {
    if (session.getState().info?.capabilities.nativeDialogs !== true)
      return ui.getState().openDialog({ kind: 'add-place' });
    const chosen = await bridge.app.choosePaths({ mode: 'choose_folder', title: t('sidebar.addPlace') });
    const path = chosen.ok ? chosen.value.paths[0] : undefined;
    if (path !== undefined) await bridge.places.add({ path });
  }
  return (
    <section aria-label={t('sidebar.places')} className="pd-places">
      <h2 className="pd-section-title">{t('sidebar.places')}</h2>
      <ul>
        {places.map((p) => (
          <PlaceRow key={p.id} place={p} />
        ))}
      </ul>
      <button type="button" className="pd-link-button" onClick={() => void addPlace()}>
        + {t('sidebar.addPlace')}
      </button>
    </section>
  );
}
