import './styles.css';
import { Router } from '@solidjs/router';
import { QueryClientProvider } from '@tanstack/solid-query';
import { render } from 'solid-js/web';
import { Shell } from './components/shell';
import { queryClient } from './lib/query-client';
import { routes } from './routes';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

render(
  () => (
    <QueryClientProvider client={queryClient}>
      <Router root={Shell}>{routes}</Router>
    </QueryClientProvider>
  ),
  root,
);
