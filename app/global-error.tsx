"use client";

/**
 * Shown only when the root layout itself fails, so nothing the layout provides is here: no
 * language (the URL carries none), no messages, no stylesheet. It speaks both of the store's
 * languages and styles itself inline. Kept this small because every page loads it.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <title>Something went wrong · 出错了 · OnePool</title>
      <body
        style={{
          margin: 0,
          fontFamily: "system-ui, sans-serif",
          background: "#fafaf9",
          color: "#16181d",
        }}
      >
        <main style={{ maxWidth: "32rem", margin: "15vh auto", padding: "0 1rem" }}>
          <h1 style={{ fontSize: "1.5rem" }}>
            OnePool: something went wrong <span lang="zh-CN">· 出错了</span>
          </h1>
          <p>
            This page could not be shown. Try again, or come back in a moment.
            <br />
            <span lang="zh-CN">页面暂时无法显示。请重试，或稍后再来。</span>
          </p>
          <button
            type="button"
            onClick={retry}
            style={{
              padding: "0.5rem 1.25rem",
              borderRadius: "9999px",
              border: 0,
              background: "#e4572e",
              color: "#fff",
              fontWeight: 600,
            }}
          >
            Try again · 重试
          </button>
        </main>
      </body>
    </html>
  );
}
