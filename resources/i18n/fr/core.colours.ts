<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>core.colours</name>
    <message>
        <source>{colour} is too close to a light page to show as a highlight; it is painted grey there instead.</source>
        <extracomment>An sRGB colour as 0–255 integers. A CIELAB colour (L*, a*, b*). WCAG 2.x&apos;s minimum contrast for normal text (success criterion 1.4.3, level AA). WCAG 2.x&apos;s minimum contrast for what must be seen but is not text (1.4.11): a tag&apos;s underline, the selection, the focus outline. Below this CIEDE2000 difference between their highlights (on white) two tag colours are hard to tell apart. The tints are paler than the colours, so differences shrink; the palette keeps above 9. Below this CIEDE2000 difference from the page a tint does not show as a highlight (2.3 is a just noticeable difference; the palette&apos;s tints are above 12 on light and dark pages). The pages :func:`page_note` checks a colour on: light (white, black text) and dark (Qt Fusion&apos;s). How strongly a tag&apos;s colour tints the page: one tag, overlapping tags, the selected annotation. Distinguishable tag colours, offered in this order (the first three are the default tags&apos;). What :func:`page_note` says, by the pages (light, dark) a colour is too close to.</extracomment>
        <translation>{colour} est trop proche d’une page claire pour se voir en surlignage ; elle y est peinte en gris.</translation>
    </message>
    <message>
        <source>{colour} is too close to a dark page to show as a highlight; it is painted grey there instead.</source>
        <translation>{colour} est trop proche d’une page sombre pour se voir en surlignage ; elle y est peinte en gris.</translation>
    </message>
    <message>
        <source>{colour} is too close to a light and dark page to show as a highlight; it is painted grey there instead.</source>
        <translation>{colour} est trop proche d’une page claire et d’une page sombre pour se voir en surlignage ; elle y est peinte en gris.</translation>
    </message>
</context>
</TS>
