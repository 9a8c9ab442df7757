<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>core.coders</name>
    <message>
        <source>dashed underline</source>
        <extracomment>Who is shown: everyone, only the user&apos;s own, or the coders chosen. The underline styles other coders&apos; annotations get, in the order they are handed out. The translation context of this module&apos;s words (the UI translates them in it). How each style is named to the user (the legend).</extracomment>
        <translation>soulignement en tirets</translation>
    </message>
    <message>
        <source>dotted underline</source>
        <translation>soulignement en pointillés</translation>
    </message>
    <message>
        <source>wavy underline</source>
        <translation>soulignement ondulé</translation>
    </message>
    <message>
        <source>dash-dot underline</source>
        <translation>soulignement tiret-point</translation>
    </message>
    <message>
        <source>dash-dot-dot underline</source>
        <translation>soulignement tiret-point-point</translation>
    </message>
    <message>
        <source>Blind coding: only yours</source>
        <extracomment>What :meth:`CoderView.describe` and :func:`coder_label` say.</extracomment>
        <translation>Codage en aveugle : les vôtres seulement</translation>
    </message>
    <message>
        <source>Only yours</source>
        <translation>Les vôtres seulement</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Coders: {names}</source>
        <translation>Codeurs : {names}</translation>
    </message>
    <message>
        <source>Coders: none</source>
        <translation>Codeurs : aucun</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (vous)</translation>
    </message>
</context>
</TS>
