<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>core.coders</name>
    <message>
        <source>dashed underline</source>
        <extracomment>Who is shown: everyone, only the user&apos;s own, or the coders chosen. The underline styles other coders&apos; annotations get, in the order they are handed out. The translation context of this module&apos;s words (the UI translates them in it). How each style is named to the user (the legend).</extracomment>
        <translation>gestrichelte Unterstreichung</translation>
    </message>
    <message>
        <source>dotted underline</source>
        <translation>gepunktete Unterstreichung</translation>
    </message>
    <message>
        <source>wavy underline</source>
        <translation>gewellte Unterstreichung</translation>
    </message>
    <message>
        <source>dash-dot underline</source>
        <translation>Strich-Punkt-Unterstreichung</translation>
    </message>
    <message>
        <source>dash-dot-dot underline</source>
        <translation>Strich-Punkt-Punkt-Unterstreichung</translation>
    </message>
    <message>
        <source>Blind coding: only yours</source>
        <extracomment>What :meth:`CoderView.describe` and :func:`coder_label` say.</extracomment>
        <translation>Blindcodierung: nur Ihre</translation>
    </message>
    <message>
        <source>Only yours</source>
        <translation>Nur Ihre</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Coders: {names}</source>
        <translation>Codierer: {names}</translation>
    </message>
    <message>
        <source>Coders: none</source>
        <translation>Codierer: keine</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (Sie)</translation>
    </message>
</context>
</TS>
