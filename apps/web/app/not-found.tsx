/** 404 page. */
export default function NotFound() {
  return (
    <div className="empty">
      <h1>Not found</h1>
      <p>
        <a href="/">Back to experiments</a>
      </p>
    </div>
  );
}
