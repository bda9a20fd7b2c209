/**
 * 文书: the letters to the applicant the case can have now (受理回执, 补正告知书, 延期答复告知书,
 * 答复书), as Word documents generated on the server from the case. They carry the applicant's
 * name, so each download is recorded in the history like a look at the identity.
 */
import { useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../../shared/constants';
import type { ApplicationView } from '../../../shared/application-types';
import { availableNotices, NOTICE_TITLES, type NoticeKind } from '../../../shared/domain/reply-notices';
import { downloadFile } from '../utils/download';
import { errorMessage } from '../utils/errors';
import { usePluginT } from '../utils/use-plugin-t';
import { useDomainLabel } from './ApplicationParts';

export const NoticeLetters = ({ application, onIssued }: { application: ApplicationView; onIssued: () => void }) => {
  const t = usePluginT();
  const label = useDomainLabel();
  const { get } = useFetchClient();
  const [busy, setBusy] = useState<NoticeKind | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const kinds = availableNotices({
    amendment: application.amendment,
    extension: application.extension,
    answer: application.decidedOn ? { replyText: application.replyText } : null,
  });

  const download = async (kind: NoticeKind) => {
    setBusy(kind);
    setFailure(null);
    try {
      await downloadFile(get, `/${PLUGIN_ID}/applications/${application.documentId}/notices/${kind}`, {}, `${application.trackingNumber}-${kind}.docx`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
      onIssued();
    }
  };

  return (
    <Flex direction="column" alignItems="flex-start" gap={2} data-testid="notice-letters">
      <Flex gap={2} wrap="wrap">
        {kinds.map((kind) => (
          <Button key={kind} variant="secondary" startIcon={<Download />} loading={busy === kind} onClick={() => void download(kind)} data-notice={kind}>
            {label(NOTICE_TITLES[kind])}
          </Button>
        ))}
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {t('applications.notices.recorded')}
      </Typography>
      {failure && (
        <Typography textColor="danger600" role="alert">
          {failure}
        </Typography>
      )}
    </Flex>
  );
};
