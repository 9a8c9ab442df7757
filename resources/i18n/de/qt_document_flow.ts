<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtDocumentDetailsDialog</name>
    <message>
        <source>Details — {title}</source>
        <translation>Details — {title}</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Dokumentdetails</translation>
    </message>
    <message>
        <source>{characters}, {bytes} (UTF-8)</source>
        <translation>{characters}, {bytes} (UTF-8)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source> (and {orphans} without a place)</source>
        <translation> (und {orphans} ohne Ort)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Quelldatei</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Per tag</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <source>(deleted tag)</source>
        <translation>(gelöschter Tag)</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>replaced {when}</source>
        <translation>ersetzt am {when}</translation>
    </message>
    <message>
        <source>The text is as imported.</source>
        <translation>Der Text ist wie importiert.</translation>
    </message>
</context>
<context>
    <name>QtDocumentFlow</name>
    <message>
        <source>Re&amp;name…</source>
        <translation>Umbe&amp;nennen…</translation>
    </message>
    <message>
        <source>Document &amp;memo…</source>
        <translation>Dokument-&amp;Memo…</translation>
    </message>
    <message>
        <source>Detai&amp;ls…</source>
        <translation>Detai&amp;ls…</translation>
    </message>
    <message>
        <source>&amp;Delete document…</source>
        <translation>&amp;Dokument löschen…</translation>
    </message>
    <message>
        <source>Choose a document in the library first.</source>
        <translation>Zuerst ein Dokument in der Bibliothek wählen.</translation>
    </message>
    <message>
        <source>Rename document</source>
        <translation>Dokument umbenennen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln Annotation</numerusform>
            <numerusform>%Ln Annotationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln earlier version(s)</source>
        <translation>
            <numerusform>%Ln frühere Version</numerusform>
            <numerusform>%Ln frühere Versionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Dokument löschen</translation>
    </message>
    <message>
        <source>Delete “{title}”?

Its {annotations} and {versions} are deleted with it. A backup of the library is made first, and Edit ▸ Undo puts it back.</source>
        <translation>„{title}“ löschen?

Seine {annotations} und {versions} werden mit ihm gelöscht. Zuvor wird eine Sicherung der Bibliothek angelegt, und Bearbeiten ▸ Rückgängig stellt es wieder her.</translation>
    </message>
</context>
<context>
    <name>QtDocumentMemoDialog</name>
    <message>
        <source>Memo — {title}</source>
        <translation>Memo — {title}</translation>
    </message>
    <message>
        <source>Document memo</source>
        <translation>Dokument-Memo</translation>
    </message>
    <message>
        <source>What is this document, why is it here, what to look for…</source>
        <translation>Was ist dieses Dokument, warum ist es hier, worauf ist zu achten…</translation>
    </message>
</context>
</TS>
