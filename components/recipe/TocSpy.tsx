'use client';
/**
 * Marks the TOC link of the section being read with aria-current="location" (scroll-spy). Renders
 * nothing; works on the server-rendered TOC through its hrefs (`#intro`, `#step-N`, `#finish`).
 * The current section is the last one whose top has passed the upper third of the viewport; right
 * after a jump to `#step-N` (TOC link or deep link) that target wins while its top is there.
 */
import { useEffect } from 'react';

export function TocSpy({ navId }: { navId: string }) {
  useEffect(() => {
    const nav = document.getElementById(navId);
    if (!nav) return;
    const links = [...nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    let frame = 0;
    const update = () => {
      frame = 0;
      const line = window.innerHeight * 0.35;
      let current: HTMLAnchorElement | undefined;
      for (const a of links) {
        const el = document.getElementById(a.hash.slice(1));
        if (el && el.getBoundingClientRect().top <= line) current = a;
      }
      const hashed = links.find((a) => a.hash === window.location.hash);
      const target = hashed && document.getElementById(hashed.hash.slice(1));
      if (target) {
        const top = target.getBoundingClientRect().top;
        if (top > -10 && top <= line) current = hashed;
      }
      current ??= links[0];
      for (const a of links) {
        if (a === current) a.setAttribute('aria-current', 'location');
        else a.removeAttribute('aria-current');
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    window.addEventListener('hashchange', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('hashchange', schedule);
    };
  }, [navId]);
  return null;
}
