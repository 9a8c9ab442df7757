<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AnnotatedPrint</name>
    <message>
        <source>Untitled</source>
        <extracomment>Printed on white paper in black ink, whatever the window&apos;s theme.</extracomment>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>No annotations.</source>
        <translation>Aucune annotation.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Cannot start printing.</source>
        <translation>Impossible de lancer l’impression.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
</context>
<context>
    <name>QtPrintFlow</name>
    <message>
        <source>Print</source>
        <extracomment>The application :func:`write_pdf` made, kept alive while the process runs.</extracomment>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Open a document to print it.</source>
        <translation>Ouvrez un document pour l’imprimer.</translation>
    </message>
    <message>
        <source>Print the annotated document</source>
        <translation>Imprimer le document annoté</translation>
    </message>
    <message>
        <source>Nothing was printed: {error}</source>
        <translation>Rien n’a été imprimé : {error}</translation>
    </message>
</context>
</TS>
