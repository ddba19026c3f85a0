/**
 * Facts about an uploaded media file from `ffprobe`, only when it is installed (never invented):
 * duration (s and ms), width, height. Returns undefined when ffprobe is missing or fails.
 */
import { execFile } from 'node:child_process';

export interface MediaFacts {
  duration?: number;
  msDuration?: number;
  width?: number;
  height?: number;
}

let available: Promise<boolean> | undefined;

function hasFfprobe(): Promise<boolean> {
  available ??= new Promise((resolve) => {
    execFile('ffprobe', ['-version'], { timeout: 5000 }, (err) => resolve(!err));
  });
  return available;
}

export async function probeMedia(path: string): Promise<MediaFacts | undefined> {
  if (!(await hasFfprobe())) return undefined;
  return new Promise((resolve) => {
    execFile(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration:stream=width,height,codec_type', '-of', 'json', path],
      { timeout: 20000, maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err) return resolve(undefined);
        try {
          const j = JSON.parse(stdout) as {
            format?: { duration?: string };
            streams?: Array<{ codec_type?: string; width?: number; height?: number }>;
          };
          const facts: MediaFacts = {};
          const d = Number(j.format?.duration);
          if (Number.isFinite(d) && d > 0) {
            facts.msDuration = Math.round(d * 1000);
            facts.duration = Math.round(d);
          }
          const v = j.streams?.find((s) => s.codec_type === 'video' && s.width && s.height);
          if (v?.width && v.height) {
            facts.width = v.width;
            facts.height = v.height;
          }
          resolve(facts);
        } catch {
          resolve(undefined);
        }
      },
    );
  });
}
