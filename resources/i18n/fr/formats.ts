<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>formats</name>
    <message>
        <source>2: the library (codebook tree, sets, attributes, memos, journal, previous texts, orphans); 1: the shape written before version 2, for its consumers</source>
        <extracomment>The version written by default, and every version read. The writer options :func:`write` reads.</extracomment>
        <translation>2 : la bibliothèque (arbre du livre de codes, ensembles, attributs, mémos, journal, textes antérieurs, orphelines) ; 1 : la forme écrite avant la version 2, pour les programmes qui la lisent</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>2: the whole library</source>
        <translation>2 : toute la bibliothèque</translation>
    </message>
    <message>
        <source>1: documents and annotations (older shape)</source>
        <translation>1 : documents et annotations (forme ancienne)</translation>
    </message>
    <message>
        <source>version 2: write the texts of revised documents&apos; previous versions (without them a file is smaller, but orphans and fuzzy marks pointing into them cannot be imported)</source>
        <translation>version 2 : écrire les textes des versions antérieures des documents révisés (sans eux le fichier est plus petit, mais les orphelines et les marques floues qui y renvoient ne peuvent pas être importées)</translation>
    </message>
    <message>
        <source>Previous texts of revised documents</source>
        <translation>Textes antérieurs des documents révisés</translation>
    </message>
    <message>
        <source>Annotated JSON</source>
        <translation>JSON annoté</translation>
    </message>
    <message>
        <source>default</source>
        <extracomment>the names from the top down to its tag (a codebook with a hierarchy); () for a plain name how it stood after its document&apos;s revisions (None: plainly placed); an orphan&apos;s offsets and quote point into that version&apos;s text Attribute name -&gt; value as the file gives it; the import parses it for the attribute&apos;s kind. previous texts, oldest first (annotated JSON version 2) The attributes the file declares (an id of ours is kept for a new one): names not declared are imported as text. Attribute name -&gt; canonical value (:mod:`annotator.core.attributes`), only those it has. anchor states of those of ``annotations`` that are not plainly placed (moved, fuzzy) annotations a revision left without a place, each with the version it points into previous texts, oldest first The library&apos;s attribute definitions, in display order (every one, used or not). The library is coded blind (each coder sees only their own annotations): exports say so. Words a yes/no option accepts (case-insensitive), and what they mean. The translation context of the formats&apos; labels and option words (the UI translates them in it).</extracomment>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>brat standoff (folder or .zip of .txt/.ann)</source>
        <extracomment>What str.splitlines() splits on (brat reads .ann files with it), CR and LF included.</extracomment>
        <translation>brat standoff (dossier ou .zip de .txt/.ann)</translation>
    </message>
    <message>
        <source>EPUB e-book</source>
        <translation>Livre numérique EPUB</translation>
    </message>
    <message>
        <source>the shape to write</source>
        <extracomment>The writer options :func:`write` reads.</extracomment>
        <translation>la forme à écrire</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Forme</translation>
    </message>
    <message>
        <source>spaCy spans</source>
        <translation>Segments spaCy</translation>
    </message>
    <message>
        <source>how offsets count (default: utf-16 for doccano, code points otherwise; spacy takes code points only)</source>
        <translation>comment les positions sont comptées (par défaut : UTF-16 pour doccano, points de code sinon ; spaCy n’accepte que les points de code)</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>code points (Python)</source>
        <translation>points de code (Python)</translation>
    </message>
    <message>
        <source>UTF-16 units (JavaScript)</source>
        <translation>unités UTF-16 (JavaScript)</translation>
    </message>
    <message>
        <source>as the tool counts (see README)</source>
        <translation>comme l’outil les compte (voir README)</translation>
    </message>
    <message>
        <source>label-studio: the Labels tag&apos;s name</source>
        <translation>label-studio : le nom de la balise Labels</translation>
    </message>
    <message>
        <source>Labels tag</source>
        <translation>Balise Labels</translation>
    </message>
    <message>
        <source>label-studio: the Text tag&apos;s name</source>
        <translation>label-studio : le nom de la balise Text</translation>
    </message>
    <message>
        <source>Text tag</source>
        <translation>Balise Text</translation>
    </message>
    <message>
        <source>label-studio: write predictions to review instead of annotations</source>
        <translation>label-studio : écrire des prédictions à revoir au lieu d’annotations</translation>
    </message>
    <message>
        <source>Predictions to review, not annotations</source>
        <translation>Prédictions à revoir, pas des annotations</translation>
    </message>
    <message>
        <source>JSONL for NLP (spaCy, doccano, Label Studio)</source>
        <translation>JSONL pour le TAL (spaCy, doccano, Label Studio)</translation>
    </message>
    <message>
        <source>Markdown</source>
        <extracomment>Field -&gt; how it is named before its value (the quote and the note stand on their own).</extracomment>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>OpenDocument text (ODT)</source>
        <translation>Texte OpenDocument (ODT)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Black and white (underline patterns)</source>
        <translation>Noir et blanc (motifs de soulignement)</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>REFI-QDA project</source>
        <extracomment>Namespace of the UUID5s we derive from ids that are not UUIDs themselves. The user standing for annotations without a coder; read back as coder &quot;&quot;. How long a selection&apos;s ``name`` (a preview of its quote, as ATLAS.ti shows it) may be. How many refused selections an error message lists. How a Variable&apos;s Description says it is one of a list (our choice attributes).</extracomment>
        <translation>Projet REFI-QDA</translation>
    </message>
    <message>
        <source>the project&apos;s name</source>
        <translation>le nom du projet</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Nom du projet</translation>
    </message>
    <message>
        <source>REFI-QDA codebook</source>
        <translation>Livre de codes REFI-QDA</translation>
    </message>
    <message>
        <source>HTML report</source>
        <extracomment>Shown for a tag whose colour is not a hex colour, or an annotation whose tag is unknown. Code points per window in which :func:`highlight_pieces` asks ``segments`` for pieces. Between the items of a metadata line. Longest quote shown in a footnote, in code points.</extracomment>
        <translation>Rapport HTML</translation>
    </message>
    <message>
        <source>CSV, one row per annotation</source>
        <extracomment>Excel treats a cell starting with one of these as a formula (OWASP &quot;CSV injection&quot;). Excel&apos;s most characters in one cell (counted in UTF-16 units).</extracomment>
        <translation>CSV, une ligne par annotation</translation>
    </message>
    <message>
        <source>for Excel: UTF-8 BOM, CRLF line ends, formulas defused</source>
        <translation>pour Excel : BOM UTF-8, fins de ligne CRLF, formules neutralisées</translation>
    </message>
    <message>
        <source>Excel-friendly (BOM, Windows line ends, formulas defused)</source>
        <translation>Adapté à Excel (BOM, fins de ligne Windows, formules neutralisées)</translation>
    </message>
    <message>
        <source>Excel workbook, one row per annotation</source>
        <translation>Classeur Excel, une ligne par annotation</translation>
    </message>
    <message>
        <source>W3C Web Annotation (JSON-LD)</source>
        <extracomment>The Web Annotation JSON-LD context every export names. The tag of an imported annotation that has neither a tagging body nor a motivation.</extracomment>
        <translation>W3C Web Annotation (JSON-LD)</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Page web (HTML)</translation>
    </message>
    <message>
        <source>Word document (DOCX)</source>
        <translation>Document Word (DOCX)</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <source>Study notes</source>
        <translation>Notes d’étude</translation>
    </message>
    <message>
        <source>Markdown, HTML or DOCX; default: the file&apos;s extension</source>
        <translation>Markdown, HTML ou DOCX ; par défaut : l’extension du fichier</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>d’après le nom du fichier</translation>
    </message>
    <message>
        <source>Group by tag, or keep text order</source>
        <translation>Grouper par étiquette, ou garder l’ordre du texte</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>By tag</source>
        <translation>Par étiquette</translation>
    </message>
    <message>
        <source>Text order</source>
        <translation>Ordre du texte</translation>
    </message>
    <message>
        <source>Fields and their order: quote, note, tag, page, link, offsets, coder</source>
        <translation>Champs et leur ordre (noms anglais) : quote, note, tag, page, link, offsets, coder</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
</context>
</TS>
