// The host side of the iframe embed: size the iframe to the height the guide
// reports. Accept only messages from that iframe, and only a sane number.

const frame = document.querySelector('iframe.guide-frame');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || data.type !== 'wegwijzer:height' || !Number.isFinite(data.height)) return;
  const height = Math.max(100, Math.min(20000, Math.ceil(data.height)));
  frame.style.height = `${height}px`;
  frame.dataset.reportedHeight = String(height);
});
