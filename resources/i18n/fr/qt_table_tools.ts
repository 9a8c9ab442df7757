<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtTableTools</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>The role under which a model gives a cell&apos;s exact value for Copy and Export (str, int or float). The file dialog&apos;s filter for each table format, in the order offered (the formats&apos; own labels, in English).</extracomment>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the selected cells (or every row) as tab-separated text</source>
        <translation>Copier les cellules choisies (ou toutes les lignes) en texte séparé par des tabulations</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Save the rows as CSV, XLSX, HTML, Markdown or JSON</source>
        <translation>Enregistrer les lignes en CSV, XLSX, HTML, Markdown ou JSON</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Copier (&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the selected cells</source>
        <translation>Copier les cellules choisies</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>Exporter : {title}</translation>
    </message>
    <message>
        <source>Ex&amp;port…</source>
        <translation>Ex&amp;porter…</translation>
    </message>
    <message>
        <source>Table actions</source>
        <translation>Actions du tableau</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s) as tab-separated text.</source>
        <translation>
            <numerusform>%Ln ligne copiée en texte séparé par des tabulations.</numerusform>
            <numerusform>%Ln lignes copiées en texte séparé par des tabulations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export annulé ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>Rien n’a été écrit : {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}</source>
        <translation>
            <numerusform>%Ln ligne exportée vers {path}</numerusform>
            <numerusform>%Ln lignes exportées vers {path}</numerusform>
        </translation>
    </message>
</context>
</TS>
