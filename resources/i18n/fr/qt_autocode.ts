<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AutocodeCommand</name>
    <message>
        <source>Redone</source>
        <extracomment>Plans a preview: (tag id, extent, progress) -&gt; the plan.</extracomment>
        <translation>Rétabli</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>QtAutocodeDialog</name>
    <message>
        <source>The match</source>
        <extracomment>The extents offered, as the chooser says them (translated when shown, as are the statuses).</extracomment>
        <translation>La correspondance</translation>
    </message>
    <message>
        <source>Its sentence</source>
        <translation>Sa phrase</translation>
    </message>
    <message>
        <source>Its paragraph</source>
        <translation>Son paragraphe</translation>
    </message>
    <message>
        <source>to create</source>
        <translation>à créer</translation>
    </message>
    <message>
        <source>already coded</source>
        <translation>déjà codé</translation>
    </message>
    <message>
        <source>Auto-code</source>
        <translation>Codage automatique</translation>
    </message>
    <message>
        <source>What is coded</source>
        <translation>Ce qui est codé</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>É&amp;tiquette</translation>
    </message>
    <message>
        <source>Extent: what each hit codes</source>
        <translation>Étendue : ce que code chaque occurrence</translation>
    </message>
    <message>
        <source>&amp;Extent</source>
        <translation>Ét&amp;endue</translation>
    </message>
    <message>
        <source>Preview: spans to create (checked) and already coded</source>
        <translation>Aperçu : passages à créer (cochés) et déjà codés</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Space unchecks a span to leave it uncoded</source>
        <translation>Espace décoche un passage pour le laisser non codé</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>A&amp;perçu</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Coder</translation>
    </message>
    <message>
        <source>Code the checked spans</source>
        <translation>Coder les passages cochés</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Finding what to code…</source>
        <translation>Recherche de ce qu’il faut coder…</translation>
    </message>
    <message>
        <source>Nothing can be coded: {error}</source>
        <translation>Rien ne peut être codé : {error}</translation>
    </message>
    <message>
        <source>Nothing to code.</source>
        <translation>Rien à coder.</translation>
    </message>
    <message>
        <source>{to_create} to create, {already} already coded</source>
        <translation>{to_create} à créer, {already} déjà codés</translation>
    </message>
    <message>
        <source>, {left_out} left out</source>
        <translation>, {left_out} laissés de côté</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation>
            <numerusform>%Ln occurrence</numerusform>
            <numerusform>%Ln occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary} ({hits} in %Ln document(s)).</source>
        <translation>
            <numerusform>{summary} ({hits} dans %Ln document).</numerusform>
            <numerusform>{summary} ({hits} dans %Ln documents).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtAutocodeFlow</name>
    <message>
        <source>Auto-coding cancelled; nothing was coded.</source>
        <translation>Codage automatique annulé ; rien n’a été codé.</translation>
    </message>
    <message>
        <source>Every hit of “{pattern}”</source>
        <extracomment>The dialog open now (tests drive it; a view may raise it).</extracomment>
        <translation>Chaque occurrence de « {pattern} »</translation>
    </message>
    <message>
        <source>Every hit of “{pattern}” in this document</source>
        <translation>Chaque occurrence de « {pattern} » dans ce document</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln chosen hit(s)</source>
        <translation>
            <numerusform>L’occurrence choisie (%Ln)</numerusform>
            <numerusform>Les %Ln occurrences choisies</numerusform>
        </translation>
    </message>
    <message>
        <source>The codebook has no tags: add one first (Ctrl+Shift+T).</source>
        <translation>Le livre de codes n’a pas d’étiquette : ajoutez-en une d’abord (Ctrl+Maj+T).</translation>
    </message>
    <message>
        <source>Coding…</source>
        <translation>Codage…</translation>
    </message>
    <message>
        <source>Auto-code</source>
        <translation>Codage automatique</translation>
    </message>
    <message>
        <source>Nothing was coded: {error}</source>
        <translation>Rien n’a été codé : {error}</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to code: %Ln span(s) already coded.</source>
        <translation>
            <numerusform>Rien à coder : %Ln passage déjà codé.</numerusform>
            <numerusform>Rien à coder : %Ln passages déjà codés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Auto-code %Ln span(s) as {tag}</source>
        <translation>
            <numerusform>Coder automatiquement %Ln passage comme {tag}</numerusform>
            <numerusform>Coder automatiquement %Ln passages comme {tag}</numerusform>
        </translation>
    </message>
    <message>
        <source>tag</source>
        <translation>étiquette</translation>
    </message>
    <message numerus="yes">
        <source>Auto-coded %Ln span(s)</source>
        <translation>
            <numerusform>%Ln passage codé automatiquement</numerusform>
            <numerusform>%Ln passages codés automatiquement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln already coded</source>
        <translation>
            <numerusform> ; %Ln déjà codé</numerusform>
            <numerusform> ; %Ln déjà codés</numerusform>
        </translation>
    </message>
</context>
</TS>
