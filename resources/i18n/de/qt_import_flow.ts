<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ImportReport</name>
    <message numerus="yes">
        <source>{names} and %Ln more</source>
        <extracomment>How many of the tags a codebook added the status bar names.</extracomment>
        <translation>
            <numerusform>{names} und %Ln weiterer</numerusform>
            <numerusform>{names} und %Ln weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln tag(s) from the codebook: {names}.</source>
        <translation>
            <numerusform>%Ln Tag aus dem Codebuch hinzugefügt: {names}.</numerusform>
            <numerusform>%Ln Tags aus dem Codebuch hinzugefügt: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was added: the library already has every tag of the codebook.</source>
        <translation>Nichts wurde hinzugefügt: Die Bibliothek hat bereits jedes Tag des Codebuchs.</translation>
    </message>
    <message>
        <source>“{title}” is already in the library; it is open now.</source>
        <translation>„{title}“ ist bereits in der Bibliothek; es ist jetzt geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln Annotation</numerusform>
            <numerusform>%Ln Annotationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln new document(s), {annotations}</source>
        <translation>
            <numerusform>%Ln neues Dokument importiert, {annotations}</numerusform>
            <numerusform>%Ln neue Dokumente importiert, {annotations}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s) were already in the library</source>
        <translation>
            <numerusform>%Ln Dokument war bereits in der Bibliothek</numerusform>
            <numerusform>%Ln Dokumente waren bereits in der Bibliothek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %Ln tag(s)</source>
        <translation>
            <numerusform>%Ln Tag hinzugefügt</numerusform>
            <numerusform>%Ln Tags hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>“{title}” is already in the library with different text: to keep its annotations on the new text, use Document › Replace text with a new version… (annotator revise).</source>
        <translation>„{title}“ ist bereits mit anderem Text in der Bibliothek: Damit seine Annotationen auf dem neuen Text bleiben, nehmen Sie Dokument › Text durch eine neue Fassung ersetzen … (annotator revise).</translation>
    </message>
</context>
<context>
    <name>QtImportFlow</name>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import abgebrochen; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>All supported files</source>
        <translation>Alle unterstützten Dateien</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Dokumente importieren</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Nichts zu importieren</translation>
    </message>
    <message>
        <source>The clipboard holds no text.</source>
        <translation>Die Zwischenablage enthält keinen Text.</translation>
    </message>
    <message>
        <source>The clipboard&apos;s text was not imported: {error}.</source>
        <translation>Der Text der Zwischenablage wurde nicht importiert: {error}.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Nichts wurde importiert: {error}</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Einige Dateien wurden nicht importiert</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere …</translation>
    </message>
    <message>
        <source>(no coder)</source>
        <translation>(kein Codierer)</translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln annotation(s) by {coders}</source>
        <translation>
            <numerusform>%Ln Annotation von {coders} importieren</numerusform>
            <numerusform>%Ln Annotationen von {coders} importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln Annotation importieren</numerusform>
            <numerusform>%Ln Annotationen importieren</numerusform>
        </translation>
    </message>
</context>
</TS>
