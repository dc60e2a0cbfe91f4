"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { ChevronLeft, ChevronRight, X } from "lucide-react";
import { useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";

export interface LightboxSlide {
  index: number;
  url: string | null;
}

/**
 * The post's slides in order; any opens a full-size view that the keyboard drives: ← and → step
 * through, Home and End jump, Escape closes and puts focus on the slide it was showing.
 */
export function SlideLightbox({ slides, postId }: { slides: LightboxSlide[]; postId: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const shownOnClose = useRef<number | null>(null);
  const total = slides.length;
  const current = open === null ? null : slides[open];
  const go = (next: number) => setOpen(((next % total) + total) % total);
  const onKeyDown = (event: KeyboardEvent) => {
    if (open === null) return;
    const moves: Record<string, number> = { ArrowRight: open + 1, ArrowLeft: open - 1, Home: 0, End: total - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    go(next);
  };

  return (
    <>
      <ol className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-6" aria-label="Slides">
        {slides.map((slide, position) => (
          <li key={slide.index}>
            {slide.url ? (
              <button
                type="button"
                ref={(element) => {
                  if (element) buttons.current.set(position, element);
                  else buttons.current.delete(position);
                }}
                onClick={() => setOpen(position)} className="block w-full overflow-hidden rounded-md border focus-visible:ring-2 focus-visible:ring-ring" aria-label={`Open slide ${slide.index + 1} of ${total}`}>
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, signed or streamed image: not for next/image's optimizer */}
                <img src={slide.url} alt={`Slide ${slide.index + 1} of post ${postId}`} loading="lazy" className="aspect-[3/4] w-full object-cover" data-testid="post-slide" />
              </button>
            ) : (
              <div className="flex aspect-[3/4] items-center justify-center rounded-md border border-dashed p-2 text-center text-xs text-muted-foreground">Slide {slide.index + 1} not stored</div>
            )}
          </li>
        ))}
      </ol>
      <Dialog.Root
        open={open !== null}
        onOpenChange={(next) => {
          if (next) return;
          shownOnClose.current = open;
          setOpen(null);
        }}
      >
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-50 bg-black/85" />
          <Dialog.Content
            onKeyDown={onKeyDown}
            onCloseAutoFocus={(event) => {
              const shown = shownOnClose.current === null ? undefined : buttons.current.get(shownOnClose.current);
              if (!shown) return;
              event.preventDefault();
              shown.focus();
            }} className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-3 p-4 outline-none" aria-describedby={undefined}>
            <Dialog.Title className="text-sm text-white" data-testid="lightbox-position">
              Slide {current ? current.index + 1 : ""} of {total}
            </Dialog.Title>
            {current?.url ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private, signed or streamed image: not for next/image's optimizer
              <img src={current.url} alt={`Slide ${current.index + 1} of post ${postId}`} className="max-h-[80vh] max-w-full rounded object-contain" data-testid="lightbox-image" />
            ) : (
              <p className="text-white">This slide is not stored.</p>
            )}
            <div className="flex gap-2">
              <Button variant="secondary" size="sm" onClick={() => open !== null && go(open - 1)} aria-label="Previous slide">
                <ChevronLeft aria-hidden />
              </Button>
              <Button variant="secondary" size="sm" onClick={() => open !== null && go(open + 1)} aria-label="Next slide">
                <ChevronRight aria-hidden />
              </Button>
              <Dialog.Close asChild>
                <Button variant="secondary" size="sm" aria-label="Close">
                  <X aria-hidden />
                </Button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}
