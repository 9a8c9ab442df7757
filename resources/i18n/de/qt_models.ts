<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtAnnotationTableModel</name>
    <message>
        <source>Tag</source>
        <extracomment>The columns&apos; headers (translated when shown).</extracomment>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Placed on changed text by a revision: check it, then choose Accept placement.</source>
        <translation>Von einer Überarbeitung auf geändertem Text platziert: prüfen, dann „Platzierung annehmen“ wählen.</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Memo:</translation>
    </message>
</context>
<context>
    <name>QtDocumentListModel</name>
    <message>
        <source>(deleted tag)</source>
        <extracomment>What a drag of documents from the library list carries: their ids, one per line.</extracomment>
        <translation>(gelöschter Tag)</translation>
    </message>
    <message>
        <source>{title}
{characters} · {annotations}</source>
        <translation>{title}
{characters} · {annotations}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln Annotation</numerusform>
            <numerusform>%Ln Annotationen</numerusform>
        </translation>
    </message>
</context>
</TS>
