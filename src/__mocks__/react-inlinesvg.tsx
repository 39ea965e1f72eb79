// Icons load SVGs over the network in the browser; in tests an empty element stands in.
import React from 'react';

export default function InlineSVG(props: { src?: string; className?: string }) {
  return <svg className={props.className} data-src={props.src} />;
}
