import { useState } from 'react';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { ProblemNotice } from '../ui/problem-notice';
import { exportFileNameOf, exportQueryOf } from './contact-export';

/**
 * "Download as CSV": every contact of the filters on screen, over all pages, as the list's route
 * writes it when asked for `text/csv` (one streamed file, the service's column set and formula
 * defusing) rather than the pages fetched and joined here: one request however long the list, and
 * the file is the same for a person and a partner system. Fetched with the session's token (a
 * plain link would carry none), then handed to the browser as a download.
 */
export function ExportContacts({ search }: { search: URLSearchParams }) {
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState<string>();

  const download = async () => {
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    try {
      const { data, error, response } = await api.GET('/api/v1/contacts', {
        params: { query: exportQueryOf(search) },
        headers: { accept: 'text/csv' },
        parseAs: 'blob',
      });
      if (!response.ok || !(data instanceof Blob)) throw ApiProblem.from(error, response.status);
      const name = exportFileNameOf(response.headers.get('content-disposition'));
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDone(`Downloaded ${name}.`);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export">
      <button type="button" className="button button--secondary" onClick={() => void download()} disabled={busy}>
        Download these contacts as CSV<span className="visually-hidden"> (every page)</span>
      </button>
      <span role="status" className="hint">
        {busy ? 'Preparing the file…' : done}
      </span>
      {problem && <ProblemNotice problem={problem} heading="The contacts could not be exported" />}
    </div>
  );
}
