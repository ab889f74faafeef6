//! Query-string parameters: read once, checked against limits, turned
//! into the store's requests. The API and the portal share them, so a
//! search URL means the same on both.

use crate::error::ApiError;
use dateline_model::EntityKind;
use dateline_store::time::{parse_bound, End};
use dateline_store::{Filters, Interval, SearchRequest, Sort, MAX_FILTER_VALUES};

/// The most parameters one request may carry.
pub const MAX_PARAMS: usize = 200;
/// The longest query string accepted, in bytes.
pub const MAX_QUERY_STRING: usize = 16 * 1024;

/// A query string's parameters in order; a name may repeat.
#[derive(Debug, Default, Clone)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Reads `a=1&b=2&a=3`, refusing what is too long or too many.
    pub fn parse(query: Option<&str>) -> Result<Params, ApiError> {
        let query = query.unwrap_or("");
        if query.len() > MAX_QUERY_STRING {
            return Err(ApiError::bad_request(format!(
                "query string of {} bytes is above the maximum {MAX_QUERY_STRING}",
                query.len()
            )));
        }
        let mut pairs = Vec::new();
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            if pairs.len() == MAX_PARAMS {
                return Err(ApiError::bad_request(format!(
                    "more than {MAX_PARAMS} parameters"
                )));
            }
            pairs.push((k.into_owned(), v.into_owned()));
        }
        Ok(Params { pairs })
    }

    /// The pairs as given, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// These parameters and one more (a portal link that adds a filter).
    pub fn with(&self, name: &str, value: &str) -> Params {
        let mut pairs = self.pairs.clone();
        pairs.push((name.to_string(), value.to_string()));
        Params { pairs }
    }

    /// These parameters without any named `name`, or without the one
    /// pair `name=value` when a value is given.
    pub fn without(&self, name: &str, value: Option<&str>) -> Params {
        let pairs = self
            .pairs
            .iter()
            .filter(|(k, v)| !(k == name && value.is_none_or(|value| v == value)))
            .cloned()
            .collect();
        Params { pairs }
    }

    /// The parameters as a query string, each part encoded.
    pub fn to_query(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.pairs {
            if !v.trim().is_empty() {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }

    /// Every value of `name`, empty ones dropped.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }

    /// The value of `name`; given twice is an error, as the client meant
    /// something this server would otherwise guess at.
    pub fn one(&self, name: &str) -> Result<Option<&str>, ApiError> {
        let mut values = self
            .pairs
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim());
        let first = values.next();
        if values.next().is_some() {
            return Err(ApiError::bad_request(format!(
                "parameter {name} is given more than once"
            )));
        }
        Ok(first)
    }

    /// A number within `0..=max`, or `default`.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.one(name)? {
            None => Ok(default),
            Some(s) => match s.parse::<usize>() {
                Ok(n) if n <= max => Ok(n),
                Ok(n) => Err(ApiError::bad_request(format!(
                    "{name}={n} is above the maximum {max}"
                ))),
                Err(_) => Err(ApiError::bad_request(format!(
                    "{name} must be a whole number, not {s:?}"
                ))),
            },
        }
    }

    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.one(name)? {
            None | Some("false" | "0" | "no") => Ok(false),
            Some("true" | "1" | "yes" | "on") => Ok(true),
            Some(s) => Err(ApiError::bad_request(format!(
                "{name} must be true or false, not {s:?}"
            ))),
        }
    }

    /// The query `q`: absent or blank is every article.
    pub fn query(&self, name: &str) -> Result<dateline_query::Node, ApiError> {
        let text = self.one(name)?.unwrap_or("");
        dateline_query::parse(text).map_err(|e| ApiError::bad_request(format!("bad query: {e}")))
    }

    /// The filters every search takes: entity, source, section, site,
    /// lang (each repeatable), since, until.
    pub fn filters(&self) -> Result<Filters, ApiError> {
        let list = |name: &str| -> Result<Vec<String>, ApiError> {
            let values = self.all(name);
            if values.len() > MAX_FILTER_VALUES {
                return Err(ApiError::bad_request(format!(
                    "more than {MAX_FILTER_VALUES} {name} filters"
                )));
            }
            Ok(values)
        };
        let bound = |name: &str, end: End| -> Result<_, ApiError> {
            self.one(name)?
                .map(|s| {
                    parse_bound(s, end).map_err(|e| ApiError::bad_request(format!("{name}: {e}")))
                })
                .transpose()
        };
        let filters = Filters {
            entities: list("entity")?,
            sources: list("source")?,
            sections: list("section")?,
            languages: list("lang")?,
            sites: list("site")?,
            since: bound("since", End::Since)?,
            until: bound("until", End::Until)?,
        };
        filters.validate()?;
        Ok(filters)
    }

    /// A search of articles as `/api/v1/articles` and the portal's search
    /// page take it.
    pub fn search(&self, default_limit: usize) -> Result<SearchRequest, ApiError> {
        let mut request = SearchRequest::new(self.query("q")?);
        request.filters = self.filters()?;
        request.sort = match self.one("sort")? {
            None => Sort::Relevance,
            Some(s) => Sort::parse(s).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "sort must be relevance, newest or oldest, not {s:?}"
                ))
            })?,
        };
        request.limit = self.number("limit", default_limit, dateline_store::MAX_PAGE)?;
        request.cursor = self.one("cursor")?.map(str::to_string);
        request.facets = self.number("facets", 0, dateline_store::MAX_FACET_VALUES)?;
        request.timeline = self.interval("timeline")?;
        request.words = self.number("words", 0, dateline_store::MAX_WORDS)?;
        request.snippets = self.flag("snippets")?;
        request.validate()?;
        Ok(request)
    }

    pub fn interval(&self, name: &str) -> Result<Option<Interval>, ApiError> {
        self.one(name)?
            .map(|s| {
                Interval::parse(s).ok_or_else(|| {
                    ApiError::bad_request(format!("{name} must be day, week or month, not {s:?}"))
                })
            })
            .transpose()
    }

    pub fn kind(&self, name: &str) -> Result<Option<EntityKind>, ApiError> {
        self.one(name)?
            .map(|s| match s {
                "person" => Ok(EntityKind::Person),
                "organization" => Ok(EntityKind::Organization),
                "location" => Ok(EntityKind::Location),
                "misc" => Ok(EntityKind::Misc),
                _ => Err(ApiError::bad_request(format!(
                    "{name} must be person, organization, location or misc, not {s:?}"
                ))),
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_filters_and_bounds() {
        let p = Params::parse(Some(
            "q=coalition&source=RIA+Novosti&source=TASS&since=2014-10&until=2014-10-08&facets=5",
        ))
        .unwrap();
        let r = p.search(10).unwrap();
        assert_eq!(r.filters.sources, ["RIA Novosti", "TASS"]);
        assert_eq!(
            r.filters.since.unwrap().to_rfc3339(),
            "2014-10-01T00:00:00+00:00"
        );
        assert_eq!(
            r.filters.until.unwrap().to_rfc3339(),
            "2014-10-09T00:00:00+00:00"
        );
        assert_eq!(r.facets, 5);
    }

    #[test]
    fn bad_values_say_why() {
        for (query, words) in [
            ("limit=5000", "maximum"),
            ("limit=-1", "whole number"),
            ("sort=best", "sort must be"),
            ("since=yesterday", "since: not a date"),
            ("q=(a", "bad query"),
            ("timeline=year", "timeline must be"),
            ("q=a&q=b", "more than once"),
            ("since=2015&until=2014", "not before"),
        ] {
            let err = Params::parse(Some(query)).unwrap().search(10).unwrap_err();
            assert_eq!(err.status, 400, "{query}");
            assert!(err.message.contains(words), "{query}: {}", err.message);
        }
    }

    #[test]
    fn too_many_parameters_are_refused() {
        let query = vec!["a=1"; MAX_PARAMS + 1].join("&");
        assert!(Params::parse(Some(&query)).is_err());
        let query = "q=".to_string() + &"x".repeat(MAX_QUERY_STRING);
        assert!(Params::parse(Some(&query)).is_err());
    }
}
