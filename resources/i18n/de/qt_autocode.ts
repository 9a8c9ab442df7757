<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AutocodeCommand</name>
    <message>
        <source>Redone</source>
        <extracomment>Plans a preview: (tag id, extent, progress) -&gt; the plan.</extracomment>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>QtAutocodeDialog</name>
    <message>
        <source>The match</source>
        <extracomment>The extents offered, as the chooser says them (translated when shown, as are the statuses).</extracomment>
        <translation>Der Treffer</translation>
    </message>
    <message>
        <source>Its sentence</source>
        <translation>Sein Satz</translation>
    </message>
    <message>
        <source>Its paragraph</source>
        <translation>Sein Absatz</translation>
    </message>
    <message>
        <source>to create</source>
        <translation>anzulegen</translation>
    </message>
    <message>
        <source>already coded</source>
        <translation>schon codiert</translation>
    </message>
    <message>
        <source>Auto-code</source>
        <translation>Automatisch codieren</translation>
    </message>
    <message>
        <source>What is coded</source>
        <translation>Was codiert wird</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>Extent: what each hit codes</source>
        <translation>Umfang: was jeder Treffer codiert</translation>
    </message>
    <message>
        <source>&amp;Extent</source>
        <translation>Umfang (&amp;E)</translation>
    </message>
    <message>
        <source>Preview: spans to create (checked) and already coded</source>
        <translation>Vorschau: anzulegende (angehakte) und schon codierte Stellen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Space unchecks a span to leave it uncoded</source>
        <translation>Leertaste hakt eine Stelle ab, damit sie uncodiert bleibt</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Codieren</translation>
    </message>
    <message>
        <source>Code the checked spans</source>
        <translation>Die angehakten Stellen codieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Finding what to code…</source>
        <translation>Suche, was zu codieren ist …</translation>
    </message>
    <message>
        <source>Nothing can be coded: {error}</source>
        <translation>Nichts kann codiert werden: {error}</translation>
    </message>
    <message>
        <source>Nothing to code.</source>
        <translation>Nichts zu codieren.</translation>
    </message>
    <message>
        <source>{to_create} to create, {already} already coded</source>
        <translation>{to_create} anzulegen, {already} schon codiert</translation>
    </message>
    <message>
        <source>, {left_out} left out</source>
        <translation>, {left_out} ausgelassen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary} ({hits} in %Ln document(s)).</source>
        <translation>
            <numerusform>{summary} ({hits} in %Ln Dokument).</numerusform>
            <numerusform>{summary} ({hits} in %Ln Dokumenten).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtAutocodeFlow</name>
    <message>
        <source>Auto-coding cancelled; nothing was coded.</source>
        <translation>Automatisches Codieren abgebrochen; nichts wurde codiert.</translation>
    </message>
    <message>
        <source>Every hit of “{pattern}”</source>
        <extracomment>The dialog open now (tests drive it; a view may raise it).</extracomment>
        <translation>Jeder Treffer von „{pattern}“</translation>
    </message>
    <message>
        <source>Every hit of “{pattern}” in this document</source>
        <translation>Jeder Treffer von „{pattern}“ in diesem Dokument</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln chosen hit(s)</source>
        <translation>
            <numerusform>Der %Ln gewählte Treffer</numerusform>
            <numerusform>Die %Ln gewählten Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>The codebook has no tags: add one first (Ctrl+Shift+T).</source>
        <translation>Das Codebuch hat keine Tags: Legen Sie zuerst eines an (Strg+Umschalt+T).</translation>
    </message>
    <message>
        <source>Coding…</source>
        <translation>Codiere …</translation>
    </message>
    <message>
        <source>Auto-code</source>
        <translation>Automatisch codieren</translation>
    </message>
    <message>
        <source>Nothing was coded: {error}</source>
        <translation>Nichts wurde codiert: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to code: %Ln span(s) already coded.</source>
        <translation>
            <numerusform>Nichts zu codieren: %Ln Stelle schon codiert.</numerusform>
            <numerusform>Nichts zu codieren: %Ln Stellen schon codiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Auto-code %Ln span(s) as {tag}</source>
        <translation>
            <numerusform>%Ln Stelle automatisch als {tag} codieren</numerusform>
            <numerusform>%Ln Stellen automatisch als {tag} codieren</numerusform>
        </translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message numerus="yes">
        <source>Auto-coded %Ln span(s)</source>
        <translation>
            <numerusform>%Ln Stelle automatisch codiert</numerusform>
            <numerusform>%Ln Stellen automatisch codiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln already coded</source>
        <translation>
            <numerusform>; %Ln schon codiert</numerusform>
            <numerusform>; %Ln schon codiert</numerusform>
        </translation>
    </message>
</context>
</TS>
