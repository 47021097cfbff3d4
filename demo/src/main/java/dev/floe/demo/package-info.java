/**
 * The demo pipeline's bronze assets: synthetic, deterministic source data with a few duplicate and
 * invalid rows on purpose, so that the silver SQL has work to do.
 */
package dev.floe.demo;
