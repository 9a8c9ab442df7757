<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>services.importing</name>
    <message>
        <source>annotations: {added} to add ({placed} placed, {for_review} placed for review, {orphaned} orphaned), {unchanged} unchanged (already there)</source>
        <extracomment>How much of a file format detection looks at. Why a confirmed import was not written as confirmed. files that were not read and were skipped (only with ``skip_unreadable``) what the import kept aside, a line each (an attribute value the library had otherwise) what it wrote, as its summary says it (for a status line, and to compare with a preview) every annotation it added (orphans too) with the anchor state it was written with: what an undo removes and a redo puts back (:mod:`annotator.services.import_undo`) document id -&gt; the SHA-256 of its text as the import left it, for each document it added annotations to (a redo puts them back only onto the same texts) What to do with the web boilerplate found in a document about to be imported: given the document and the cuts that would remove it, the cuts to apply ([] keeps the text whole), or None to cancel the whole import. The library, or a callable that opens it: a use case calls it only once its input has been read, so a command line with bad input never opens (nor creates) a library. The lines of :func:`summary_lines`, filled with the summary&apos;s values (the window translates them).</extracomment>
        <translation>Annotationen: {added} hinzuzufügen ({placed} platziert, {for_review} zur Prüfung platziert, {orphaned} verwaist), {unchanged} unverändert (schon vorhanden)</translation>
    </message>
    <message>
        <source>documents: {matched} matched, {new} new</source>
        <translation>Dokumente: {matched} zugeordnet, {new} neu</translation>
    </message>
    <message>
        <source>tags: {new} new</source>
        <translation>Tags: {new} neu</translation>
    </message>
    <message>
        <source>tags: {new} new ({tags})</source>
        <translation>Tags: {new} neu ({tags})</translation>
    </message>
    <message>
        <source>coder {coder}: {count} to add</source>
        <translation>Codierer {coder}: {count} hinzuzufügen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
</TS>
