import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LiveIndicator } from "../components/LiveIndicator";
import { ApiConfigProvider } from "../lib/hooks";
import { publicApiConfig } from "../lib/server/api-config";
import "./globals.css";

// The subscription URL is read from the environment at request time, not baked in at build.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Graft", description: "Experiment tracker for transfer learning" };

/** Root layout: nav bar and the runtime API config for the browser. */
export default function RootLayout({ children }: { children: ReactNode }) {
  const config = publicApiConfig();
  return (
    <html lang="en">
      <body>
        <ApiConfigProvider config={config}>
          <nav className="nav">
            <a className="brand" href="/">
              Graft
            </a>
            <a href="/">Experiments</a>
            <a href="/sweeps/new">Launch sweep</a>
            <a href="/agents">Agents</a>
            <span className="spacer" />
            <LiveIndicator />
          </nav>
          <main>{children}</main>
        </ApiConfigProvider>
      </body>
    </html>
  );
}
