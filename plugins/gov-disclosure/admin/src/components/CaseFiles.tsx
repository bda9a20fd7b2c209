/**
 * 材料: the files of a case — what the applicant sent (opened only with the identity permission,
 * each look recorded) and the reply documents the office adds for the applicant to download from
 * the portal's status page.
 */
import { useRef, useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Download, Upload } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../../shared/constants';
import { acceptAttribute } from '../../../shared/domain/application-files';
import { downloadFile } from '../utils/download';
import { errorMessage } from '../utils/errors';
import { useFetched } from '../utils/use-fetched';
import { usePluginT } from '../utils/use-plugin-t';

interface FileMeta {
  id: number;
  kind: 'identity' | 'attachment' | 'reply';
  name: string;
  size: number;
  createdAt: string;
}

export const CaseFiles = ({
  documentId,
  canViewIdentity,
  canAddReply,
  onChanged,
}: {
  documentId: string;
  canViewIdentity: boolean;
  canAddReply: boolean;
  onChanged: () => void;
}) => {
  const t = usePluginT();
  const { get, post } = useFetchClient();
  const base = `/${PLUGIN_ID}/applications/${documentId}/files`;
  const { result, reload } = useFetched(base, (response: { data: FileMeta[] }) => response.data);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const download = async (file: FileMeta) => {
    setFailure(null);
    try {
      await downloadFile(get, `${base}/${file.id}`, {}, file.name);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      if (file.kind !== 'reply') onChanged();
    }
  };

  const upload = async (chosen: File | undefined) => {
    if (!chosen) return;
    setBusy(true);
    setFailure(null);
    try {
      const form = new FormData();
      form.append('file', chosen);
      await post(base, form);
      await reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const files = result.state === 'done' ? result.data : [];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="case-files">
      {files.length === 0 && <Typography textColor="neutral600">{t('applications.files.none')}</Typography>}
      {files.map((file) => (
        <Flex key={file.id} gap={3} alignItems="center" data-file-kind={file.kind}>
          <Typography variant="pi" textColor="neutral600" style={{ minWidth: '7em' }}>
            {t(`applications.files.kind.${file.kind}`)}
          </Typography>
          <Typography>{file.name}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {Math.max(1, Math.round(file.size / 1024))} KB
          </Typography>
          {(file.kind === 'reply' || canViewIdentity) && (
            <Button variant="tertiary" size="S" startIcon={<Download />} onClick={() => void download(file)}>
              {t('applications.files.download')}
            </Button>
          )}
        </Flex>
      ))}
      {canAddReply && (
        <Flex gap={2} alignItems="center">
          <input ref={input} type="file" accept={acceptAttribute('reply')} hidden onChange={(e) => void upload(e.target.files?.[0])} data-testid="reply-file" />
          <Button variant="secondary" startIcon={<Upload />} loading={busy} onClick={() => input.current?.click()}>
            {t('applications.files.addReply')}
          </Button>
          <Typography variant="pi" textColor="neutral600">
            {t('applications.files.addReply.hint')}
          </Typography>
        </Flex>
      )}
      {failure && (
        <Typography textColor="danger600" role="alert">
          {failure}
        </Typography>
      )}
    </Flex>
  );
};
