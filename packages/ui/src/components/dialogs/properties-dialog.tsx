import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileEntry } from '@pandesk/contract';
import { useApp } from '../../context';
import { fileTypeOf } from '../../lib/file-types';
import { extensionOf } from '../../lib/sort';
import { formatBytes, formatDate } from '../../lib/format';
import { Modal } from './modal';
import { countChildren, folderNames, totalSize } from './properties-data';
import type { FolderCount } from './properties-data';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** Bytes in units and, when that rounds, the exact count too ("1.5 MB (1,572,864 bytes)"). */
function SizeText({ bytes }: { bytes: number }) {
  const { t, i18n } = useTranslation();
  const short = formatBytes(t, bytes);
  if (bytes < 1024) return <>{short}</>;
  return <>{t('properties.sizeExact', { short, bytes: bytes.toLocaleString(i18n.language) })}</>;
}

/** The selection's total size, folders' contents included (read with `files.detail`). */
function TotalSize({ entries }: { entries: readonly FileEntry[] }) {
  const { t } = useTranslation();
  const { bridge } = useApp();
  const [bytes, setBytes] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void totalSize(bridge, entries).then((b) => live && setBytes(b));
    return () => {
      live = false;
    };
  }, [bridge, entries]);
  if (bytes === undefined) return <>{t('properties.reading')}</>;
  if (bytes === null) return <>{t('properties.unknown')}</>;
  return <SizeText bytes={bytes} />;
}

/** "My drive / Work / 2025 / report.pdf", resolved up from the item's folder. */
function PathText({ entry }: { entry: FileEntry }) {
  const { t } = useTranslation();
  const { bridge, browser } = useApp();
  const [names, setNames] = useState<(string | null)[] | null>(null);
  useEffect(() => {
    let live = true;
    const { known, rootId } = browser.getState();
    void folderNames(bridge, known, rootId, entry.parentId).then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, [bridge, browser, entry.parentId]);
  if (names === null) return <>{t('properties.reading')}</>;
  const parts = [t('app.rootName'), ...names.map((n) => n ?? '…'), entry.name];
  return <>{parts.join(' / ')}</>;
}

/** A folder's item count, read only when asked (a large folder takes many listing pages). */
function FolderCountText({ entry }: { entry: FileEntry }) {
  const { t } = useTranslation();
  const { bridge } = useApp();
  const [state, setState] = useState<'idle' | 'counting' | FolderCount | { error: string }>('idle');
  if (state === 'idle' || (typeof state === 'object' && 'error' in state)) {
    return (
      <>
        {typeof state === 'object' && <span className="pd-inline-error">{state.error} </span>}
        <button
          type="button"
          data-testid="properties-count"
          onClick={() => {
            setState('counting');
            void countChildren(bridge, entry.id).then(setState);
          }}
        >
          {t('properties.count')}
        </button>
      </>
    );
  }
  if (state === 'counting') return <>{t('properties.counting')}</>;
  return <>{t('properties.contains', { files: state.files, folders: state.folders })}</>;
}

function typeName(t: ReturnType<typeof useTranslation>['t'], entry: FileEntry): string {
  const kind = t(`fileType.${fileTypeOf(entry)}`);
  const ext = extensionOf(entry.name);
  return entry.kind === 'file' && ext ? t('properties.typeWithExt', { kind, ext: ext.toUpperCase() }) : kind;
}

/** Facts about one item, or the count and total size of several (Alt+Enter, context menu). */
export function PropertiesDialog({ entries }: { entries: readonly FileEntry[] }) {
  const { t, i18n } = useTranslation();
  const { ui } = useApp();
  const close = (): void => ui.getState().closeDialog();
  const only = entries.length === 1 ? entries[0] : undefined;
  const footer = (
    <button type="button" className="pd-primary" onClick={close}>
      {t('dialog.close')}
    </button>
  );
  return (
    <Modal
      title={only ? t('properties.titleOne', { name: only.name }) : t('properties.titleMany')}
      onClose={close}
      testId="properties-dialog"
      footer={footer}
    >
      <dl className="pd-properties">
        {only ? (
          <>
            <Row label={t('properties.name')} testId="properties-name">
              {only.name}
            </Row>
            <Row label={t('properties.type')} testId="properties-type">
              {typeName(t, only)}
            </Row>
            <Row label={t('properties.size')} testId="properties-size">
              {only.kind === 'file' ? <SizeText bytes={only.size} /> : <TotalSize entries={entries} />}
            </Row>
            {only.kind === 'folder' && (
              <Row label={t('properties.contents')} testId="properties-contents">
                <FolderCountText entry={only} />
              </Row>
            )}
            <Row label={t('properties.path')} testId="properties-path">
              <PathText entry={only} />
            </Row>
            <Row label={t('properties.created')} testId="properties-created">
              {formatDate(i18n.language, only.createdAt)}
            </Row>
            <Row label={t('properties.modified')} testId="properties-modified">
              {formatDate(i18n.language, only.modifiedAt)}
            </Row>
            {only.md5 !== null && (
              <Row label={t('properties.md5')} testId="properties-md5">
                <code className="pd-selectable">{only.md5}</code>
              </Row>
            )}
            <Row label={t('properties.id')} testId="properties-id">
              <code className="pd-selectable">{only.id}</code>
            </Row>
          </>
        ) : (
          <>
            <Row label={t('properties.items')} testId="properties-items">
              {t('properties.itemCount', {
                files: entries.filter((e) => e.kind === 'file').length,
                folders: entries.filter((e) => e.kind === 'folder').length,
              })}
            </Row>
            <Row label={t('properties.totalSize')} testId="properties-size">
              <TotalSize entries={entries} />
            </Row>
          </>
        )}
      </dl>
    </Modal>
  );
}
